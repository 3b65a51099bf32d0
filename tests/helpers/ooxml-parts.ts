/**
 * Adds a pivot table and a chart to an .xlsx written by exceljs, which can write neither: the
 * parts Excel itself writes (pivot cache definition, pivot table definition, drawing, chart) with
 * their relationships and content types, so the exceljs-made solutions are complete files.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PivotAndChart {
	/** Source sheet and its data range including headers, e.g. `A1:G41`. */
	sourceSheet: string;
	sourceRef: string;
	headers: string[];
	/** Index (0-based) of the row field and of the summed field among the headers. */
	rowField: number;
	dataField: number;
	/** The row field's distinct items. */
	items: string[];
	/** Sheet that holds the pivot table at A3 and the chart. */
	targetSheet: string;
	/** Chart: type (col or bar), title and the ranges it plots (e.g. `Pivot!$A$4:$A$7`). */
	chart: { barDir: 'col' | 'bar'; title: string; categories: string; values: string };
}

function sheetPath(parts: Record<string, Uint8Array>, name: string): string {
	const wb = strFromU8(parts['xl/workbook.xml']!);
	const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
	const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']!);
	const target = new RegExp(
		`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`,
	).exec(rels)!;
	return `xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, '')}`;
}

function addRel(
	parts: Record<string, Uint8Array>,
	relsPath: string,
	id: string,
	type: string,
	target: string,
) {
	const existing = parts[relsPath]
		? strFromU8(parts[relsPath])
		: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
	parts[relsPath] = strToU8(
		existing.replace(
			'</Relationships>',
			`<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/></Relationships>`,
		),
	);
}

function addOverride(parts: Record<string, Uint8Array>, part: string, type: string) {
	const types = strFromU8(parts['[Content_Types].xml']!);
	parts['[Content_Types].xml'] = strToU8(
		types.replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`),
	);
}

/** The package with a pivot table and a chart added on `targetSheet`. */
export function addPivotAndChart(bytes: Uint8Array, o: PivotAndChart): Uint8Array {
	const parts = unzipSync(bytes);
	const cacheFields = o.headers
		.map(
			(h, i) =>
				`<cacheField name="${esc(h)}" numFmtId="0">${i === o.rowField ? `<sharedItems count="${o.items.length}">${o.items.map((x) => `<s v="${esc(x)}"/>`).join('')}</sharedItems>` : i === o.dataField ? '<sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1"/>' : '<sharedItems/>'}</cacheField>`,
		)
		.join('');
	parts['xl/pivotCache/pivotCacheDefinition1.xml'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" refreshOnLoad="1" saveData="0" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="${o.sourceRef}" sheet="${esc(o.sourceSheet)}"/></cacheSource><cacheFields count="${o.headers.length}">${cacheFields}</cacheFields></pivotCacheDefinition>`,
	);
	const pivotFields = o.headers
		.map((_, i) =>
			i === o.rowField
				? `<pivotField axis="axisRow" showAll="0"><items count="${o.items.length + 1}">${o.items.map((_, j) => `<item x="${j}"/>`).join('')}<item t="default"/></items></pivotField>`
				: i === o.dataField
					? '<pivotField dataField="1" showAll="0"/>'
					: '<pivotField showAll="0"/>',
		)
		.join('');
	const end = 3 + o.items.length + 1;
	parts['xl/pivotTables/pivotTable1.xml'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="8" minRefreshableVersion="3" createdVersion="8" indent="0" outline="1" outlineData="1"><location ref="A3:B${end}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="${o.headers.length}">${pivotFields}</pivotFields><rowFields count="1"><field x="${o.rowField}"/></rowFields><dataFields count="1"><dataField name="Sum of ${esc(o.headers[o.dataField]!)}" fld="${o.dataField}" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
	);
	addRel(
		parts,
		'xl/pivotTables/_rels/pivotTable1.xml.rels',
		'rId1',
		'pivotCacheDefinition',
		'../pivotCache/pivotCacheDefinition1.xml',
	);
	addRel(
		parts,
		'xl/_rels/workbook.xml.rels',
		'rIdPivotCache1',
		'pivotCacheDefinition',
		'pivotCache/pivotCacheDefinition1.xml',
	);
	const wb = strFromU8(parts['xl/workbook.xml']!);
	parts['xl/workbook.xml'] = strToU8(
		wb.replace(
			'</workbook>',
			`<pivotCaches><pivotCache cacheId="1" r:id="rIdPivotCache1"/></pivotCaches></workbook>`,
		),
	);
	addOverride(
		parts,
		'xl/pivotCache/pivotCacheDefinition1.xml',
		'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
	);
	addOverride(
		parts,
		'xl/pivotTables/pivotTable1.xml',
		'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml',
	);

	const sheet = sheetPath(parts, o.targetSheet);
	const sheetRels = sheet.replace(/([^/]+)$/, '_rels/$1.rels');
	addRel(parts, sheetRels, 'rIdPivot1', 'pivotTable', '../pivotTables/pivotTable1.xml');
	addRel(parts, sheetRels, 'rIdDrawing1', 'drawing', '../drawings/drawing1.xml');
	const sheetXml = strFromU8(parts[sheet]!);
	parts[sheet] = strToU8(
		sheetXml.includes('<tableParts')
			? sheetXml.replace('<tableParts', '<drawing r:id="rIdDrawing1"/><tableParts')
			: sheetXml.replace('</worksheet>', '<drawing r:id="rIdDrawing1"/></worksheet>'),
	);
	parts['xl/drawings/drawing1.xml'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
	);
	addRel(parts, 'xl/drawings/_rels/drawing1.xml.rels', 'rId1', 'chart', '../charts/chart1.xml');
	parts['xl/charts/chart1.xml'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(o.chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="${o.chart.barDir}"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>${esc(o.chart.categories)}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${esc(o.chart.values)}</c:f></c:numRef></c:val></c:ser><c:axId val="111"/><c:axId val="222"/></c:barChart><c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="222"/></c:catAx><c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="111"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
	);
	addOverride(
		parts,
		'xl/drawings/drawing1.xml',
		'application/vnd.openxmlformats-officedocument.drawing+xml',
	);
	addOverride(
		parts,
		'xl/charts/chart1.xml',
		'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
	);
	return zipSync(parts);
}
