// @ts-check
// A small but valid one-page PDF (text only, Helvetica) with a correct xref table, so clients
// that parse the signed report (or just check %PDF- and %%EOF) see a real document.

function escapePdfText(text) {
	// Latin-1 only: anything else becomes '?', parentheses and backslashes are escaped.
	return String(text)
		.replace(/[^\x20-\x7e]/g, '?')
		.replace(/([\\()])/g, '\\$1');
}

/**
 * @param {{title: string, lines: string[]}} content
 * @returns {Buffer}
 */
export function buildPdf({ title, lines }) {
	const text = [
		'BT /F1 16 Tf 56 780 Td',
		`(${escapePdfText(title)}) Tj`,
		'/F1 10 Tf 0 -28 Td 14 TL',
		...lines.map((line) => `(${escapePdfText(line)}) '`),
		'ET',
	].join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
		`<< /Title (${escapePdfText(title)}) /Producer (Flow emulator) >>`,
	];
	let body = '%PDF-1.4\n';
	const offsets = [];
	objects.forEach((obj, i) => {
		offsets.push(Buffer.byteLength(body, 'latin1'));
		body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
	});
	const xrefAt = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}
