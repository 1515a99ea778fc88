const { src, dest } = require('gulp');

// Nodes and the credential reference ../../icons/iflow.svg relative to their compiled file.
function buildIcons() {
	return src('icons/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
