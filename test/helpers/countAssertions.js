// With COUNT_ASSERTIONS=<file>, every test appends "<assertions>\t<test name>" to that file, so a
// refactor of the tests can show that it runs as many assertions as before (CONTRIBUTING, Tests).
const fs = require('node:fs');

const target = process.env.COUNT_ASSERTIONS;
if (target) {
	afterEach(() => {
		const { assertionCalls, currentTestName, testPath } = expect.getState();
		fs.appendFileSync(
			target,
			`${assertionCalls}\t${testPath?.replace(process.cwd() + '/', '')} › ${currentTestName}\n`,
		);
	});
}
