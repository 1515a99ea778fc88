// Loads the built package (dist/) through n8n's own loader, as n8n does for an installed
// community package. Plain JS: the strict lint keeps fs/path out of .ts files.
const fs = require('node:fs');
const path = require('node:path');
const { PackageDirectoryLoader } = require('n8n-core');

const root = path.resolve(__dirname, '../..');

function isBuilt() {
	return fs.existsSync(path.join(root, 'dist/credentials/IFlowApi.credentials.js'));
}

/** Credential and node types as n8n sees them, and whether each icon file exists. */
async function loadBuiltPackage() {
	const loader = new PackageDirectoryLoader(root);
	await loader.loadAll();
	// n8n turns `icon: 'file:…'` into `iconUrl: 'icons/<package>/<path from the package root>'`.
	const iconExists = (iconUrl) => {
		const urls = typeof iconUrl === 'string' ? [iconUrl] : Object.values(iconUrl ?? {});
		const prefix = `icons/${loader.packageName}/`;
		return (
			urls.length > 0 &&
			urls.every((url) => url.startsWith(prefix) && fs.existsSync(path.join(root, url.slice(prefix.length))))
		);
	};
	const credentials = loader.types.credentials.map((type) => ({
		name: type.name,
		iconExists: iconExists(type.iconUrl),
	}));
	const nodes = loader.types.nodes.map((description) => ({
		name: description.name,
		description,
		iconExists: iconExists(description.iconUrl),
	}));
	return { credentials, nodes, packageJson: JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) };
}

module.exports = { isBuilt, loadBuiltPackage };
