'use strict';
// Resident memory of a process, read from /proc/<pid>/status (VmRSS), sampled while a run goes on.
const fs = require('node:fs');

/** VmRSS in bytes, or undefined when the process is gone (or there is no /proc). */
function vmRss(pid) {
	try {
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

/** Direct children of `pid` (from /proc/<pid>/task/*\/children, else by scanning /proc). */
function childPids(pid) {
	try {
		const tasks = fs.readdirSync(`/proc/${pid}/task`);
		const children = tasks.flatMap((task) =>
			fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean),
		);
		if (children.length > 0) return children.map(Number);
	} catch {}
	const found = [];
	for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
		try {
			// the command name may hold spaces or parentheses: ppid is the 2nd field after the last ')'
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) found.push(Number(entry));
		} catch {}
	}
	return found;
}

/**
 * Sample VmRSS of `pid` every `everyMs` from now until stop(); stop() returns
 * { baseline (the first sample), peak, growth = peak - baseline, samples } in bytes.
 */
function sampleRss(pid, everyMs = 50) {
	const baseline = vmRss(pid) ?? 0;
	let peak = baseline;
	let samples = 1;
	const timer = setInterval(() => {
		const value = vmRss(pid);
		if (value !== undefined) {
			peak = Math.max(peak, value);
			samples++;
		}
	}, everyMs);
	return {
		stop() {
			clearInterval(timer);
			const last = vmRss(pid);
			if (last !== undefined) peak = Math.max(peak, last);
			return { baseline, peak, growth: peak - baseline, samples };
		},
	};
}

module.exports = { vmRss, childPids, sampleRss };
