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
	const iconExists = (baseFile, icon) => {
		const file = typeof icon === 'string' ? icon : icon?.light;
		return Boolean(file) && fs.existsSync(path.resolve(path.dirname(baseFile), file.replace('file:', '')));
	};
	const credentials = Object.entries(loader.credentialTypes).map(([name, { type, sourcePath }]) => ({
		name,
		iconExists: iconExists(path.join(root, sourcePath), type.icon),
	}));
	const nodes = Object.entries(loader.nodeTypes).map(([name, { type, sourcePath }]) => ({
		name,
		description: type.description,
		iconExists: iconExists(path.join(root, sourcePath), type.description.icon),
	}));
	return { credentials, nodes, packageJson: JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) };
}

module.exports = { isBuilt, loadBuiltPackage };
