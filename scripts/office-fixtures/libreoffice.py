"""Builds the LibreOffice-made Office fixtures for the check library's tests.

Run by scripts/office-fixtures.ts (or alone: /usr/bin/python3 scripts/office-fixtures/libreoffice.py OUT_DIR).
Starts a headless LibreOffice with its own throw-away profile, builds each document through the UNO
API the way a learner would in Calc, Writer and Impress, and saves it with LibreOffice's own
.xlsx/.docx/.pptx export filters. "good" files satisfy every check; "bad" files fail each one.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

import uno
from com.sun.star.beans import PropertyValue

OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'tests/fixtures/office')
PARAGRAPH_BREAK = 0


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def enum(type_name, value):
    return uno.Enum(type_name, value)


def write_png(path):
    """A 4x4 blue PNG, written by hand so the script needs nothing but the standard library."""
    raw = b''.join(b'\x00' + b'\x20\x60\xc0' * 4 for _ in range(4))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 4, 4, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
    with open(path, 'wb') as f:
        f.write(png)


def connect():
    profile = tempfile.mkdtemp(prefix='lo-profile-')
    pipe = 'dakshata_fixtures_%d' % os.getpid()
    proc = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore', '--nologo', '--nodefault',
                             '-env:UserInstallation=file://' + profile,
                             '--accept=pipe,name=%s;urp;StarOffice.ComponentContext' % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(120):
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            return proc, profile, ctx
        except Exception:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit('LibreOffice did not start')


def new_doc(desktop, kind):
    # Not hidden: a hidden Calc document does not save its frozen panes (view settings).
    return desktop.loadComponentFromURL('private:factory/' + kind, '_blank', 0, ())


def save(doc, name, filter_name):
    doc.storeToURL(uno.systemPathToFileUrl(os.path.join(OUT, name)), (prop('FilterName', filter_name),))
    doc.close(True)
    print('wrote', name)


# ---------------------------------------------------------------- Calc

ORDERS = [
    ('2026-01-05', 'Sylhet', 'Notebook', 420.5, 'Paid'),
    ('2026-01-09', 'Dhaka', 'Pen', 610.0, 'Pending'),
    ('2026-01-12', 'Sylhet', 'Stapler', 880.25, 'Paid'),
    ('2026-01-20', 'Khulna', 'Desk', 1240.0, 'Overdue'),
    ('2026-02-02', 'Dhaka', 'Chair', 1575.75, 'Paid'),
    ('2026-02-11', 'Khulna', 'Lamp', 2010.0, 'Pending'),
]


def serial(iso):
    y, m, d = map(int, iso.split('-'))
    import datetime
    return (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days


def number_format(doc, code):
    formats = doc.NumberFormats
    locale = uno.createUnoStruct('com.sun.star.lang.Locale')
    locale.Language = 'en'
    locale.Country = 'US'
    key = formats.queryKey(code, locale, False)
    return key if key != -1 else formats.addNew(code, locale)


def build_calc(desktop, good):
    doc = new_doc(desktop, 'scalc')
    sheets = doc.Sheets
    orders = sheets.getByIndex(0)
    orders.Name = 'Orders'
    sheets.insertNewByName('Summary', 1)
    sheets.insertNewByName('Pivot', 2)
    summary = sheets.getByName('Summary')
    for col, title in enumerate(['Date', 'Region', 'Item', 'Amount', 'Status']):
        orders.getCellByPosition(col, 0).String = title
    rows = ORDERS if good else [ORDERS[i] for i in (3, 0, 5, 1, 4, 2)]
    for r, (date, region, item, amount, status) in enumerate(rows, start=1):
        orders.getCellByPosition(0, r).Value = serial(date)
        orders.getCellByPosition(1, r).String = region
        orders.getCellByPosition(2, r).String = item
        orders.getCellByPosition(3, r).Value = amount
        orders.getCellByPosition(4, r).String = status
    if good:
        orders.getCellRangeByName('A2:A7').NumberFormat = number_format(doc, 'YYYY-MM-DD')
        orders.getCellRangeByName('D2:D7').NumberFormat = number_format(doc, '[$₹-4009]#,##0.00')
        validation = orders.getCellRangeByName('E2:E7').Validation
        validation.Type = enum('com.sun.star.sheet.ValidationType', 'LIST')
        validation.setFormula1('"Paid";"Pending";"Overdue"')
        orders.getCellRangeByName('E2:E7').Validation = validation
        conditional = orders.getCellRangeByName('D2:D7').ConditionalFormat
        conditional.addNew((prop('Operator', enum('com.sun.star.sheet.ConditionOperator', 'GREATER')),
                            prop('Formula1', '1000'), prop('StyleName', 'Accent')))
        orders.getCellRangeByName('D2:D7').ConditionalFormat = conditional
        ranges = doc.DatabaseRanges
        ranges.addNewByName('OrdersTable', orders.getCellRangeByName('A1:E7').RangeAddress)
        ranges.getByName('OrdersTable').AutoFilter = True
    else:
        orders.getCellRangeByName('D2:D7').NumberFormat = number_format(doc, '0.0')
        validation = orders.getCellRangeByName('E2:E7').Validation
        validation.Type = enum('com.sun.star.sheet.ValidationType', 'LIST')
        validation.setFormula1('"Paid";"Unpaid"')
        orders.getCellRangeByName('E2:E7').Validation = validation

    for r, region in enumerate(['Dhaka', 'Khulna' if good else 'Khulna Division', 'Sylhet'], start=1):
        summary.getCellByPosition(0, r).String = region
    summary.getCellByPosition(0, 0).String = 'Region'
    summary.getCellByPosition(1, 0).String = 'Total'
    summary.getCellByPosition(2, 0).String = 'Share'
    if good:
        for r in range(1, 4):
            summary.getCellByPosition(1, r).Formula = '=SUMIFS($Orders.$D$2:$D$7;$Orders.$B$2:$B$7;A%d)' % (r + 1)
            summary.getCellByPosition(2, r).Formula = '=B%d/SUM($B$2:$B$4)' % (r + 1)
        summary.getCellRangeByName('C2:C4').NumberFormat = number_format(doc, '0.0%')
        summary.getCellByPosition(0, 5).String = 'Lamp region'
        summary.getCellByPosition(1, 5).Formula = '=VLOOKUP("Lamp";$Orders.$C$2:$E$7;1;0)'
    else:
        summary.getCellByPosition(1, 1).Value = 2185.75  # typed result instead of a formula
        summary.getCellByPosition(1, 2).Formula = '=SUM($Orders.$D$2:$D$7)'
        summary.getCellByPosition(1, 3).Formula = '=SUMIFS($Orders.$D$2:$D$7;$Orders.$B$2:$B$7;A2)'
        summary.getCellByPosition(2, 1).Formula = '=B2/0'
    doc.calculateAll()

    controller = doc.CurrentController
    controller.setActiveSheet(orders)
    if good:
        controller.freezeAtPosition(0, 1)
    controller.setActiveSheet(summary)
    if good:
        protection = summary.getCellRangeByName('D2:D4').CellProtection
        protection.IsLocked = False
        summary.getCellRangeByName('D2:D4').CellProtection = protection
        summary.protect('')

    charts = summary.Charts
    rect = uno.createUnoStruct('com.sun.star.awt.Rectangle')
    rect.X, rect.Y, rect.Width, rect.Height = 1000, 4000, 12000, 7000
    charts.addNewByName('Totals', rect, (summary.getCellRangeByName('A1:B4').RangeAddress,), True, True)
    chart = charts.getByName('Totals').EmbeddedObject
    if good:
        diagram = chart.createInstance('com.sun.star.chart.BarDiagram')
        diagram.Vertical = False
        chart.setDiagram(diagram)
        chart.HasMainTitle = True
        chart.Title.String = 'Sales by region'
    else:
        chart.setDiagram(chart.createInstance('com.sun.star.chart.LineDiagram'))
        chart.HasMainTitle = False

    pivot_sheet = sheets.getByName('Pivot')
    tables = pivot_sheet.DataPilotTables
    descriptor = tables.createDataPilotDescriptor()
    descriptor.SourceRange = orders.getCellRangeByName('A1:E7').RangeAddress
    fields = descriptor.DataPilotFields
    fields.getByIndex(1).Orientation = enum('com.sun.star.sheet.DataPilotFieldOrientation', 'ROW')
    amount = fields.getByIndex(3)
    amount.Orientation = enum('com.sun.star.sheet.DataPilotFieldOrientation', 'DATA')
    amount.Function = enum('com.sun.star.sheet.GeneralFunction', 'SUM' if good else 'COUNT')
    target = uno.createUnoStruct('com.sun.star.table.CellAddress')
    target.Sheet, target.Column, target.Row = 2, 0, 0
    tables.insertNewByName('RegionTotals', target, descriptor)
    doc.calculateAll()
    save(doc, 'lo-%s.xlsx' % ('good' if good else 'bad'), 'Calc MS Excel 2007 XML')


# ---------------------------------------------------------------- Writer

def add_paragraph(text, cursor, string, style='Standard', bold=False):
    cursor.ParaStyleName = style
    cursor.CharWeight = 150.0 if bold else 100.0
    text.insertString(cursor, string, False)
    text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)


def add_merge_field(doc, text, cursor, column):
    master = doc.createInstance('com.sun.star.text.FieldMaster.Database')
    master.DataBaseName = 'Clients'
    master.DataTableName = 'Sheet1'
    master.DataColumnName = column
    field = doc.createInstance('com.sun.star.text.TextField.Database')
    field.attachTextFieldMaster(master)
    text.insertTextContent(cursor, field, False)


def build_writer(desktop, ctx, good, png):
    doc = new_doc(desktop, 'swriter')
    text = doc.Text
    cursor = text.createTextCursor()
    page = doc.StyleFamilies.getByName('PageStyles').getByName('Standard')
    if good:
        width, height = page.Width, page.Height
        page.IsLandscape = True
        page.Width, page.Height = height, width
        page.TopMargin = page.BottomMargin = page.LeftMargin = page.RightMargin = 2000
        page.FooterIsOn = True
        number = doc.createInstance('com.sun.star.text.TextField.PageNumber')
        number.NumberingType = 4
        number.SubType = enum('com.sun.star.text.PageNumberType', 'CURRENT')
        page.FooterText.insertTextContent(page.FooterText.getEnd(), number, False)
        add_paragraph(text, cursor, 'Quarterly report', 'Title')
        index = doc.createInstance('com.sun.star.text.ContentIndex')
        index.CreateFromOutline = True
        text.insertTextContent(cursor, index, False)
        add_paragraph(text, cursor, 'Introduction', 'Heading 1')
    else:
        page.HeaderIsOn = True
        add_paragraph(text, cursor, 'Quarterly report', 'Standard', bold=True)
        add_paragraph(text, cursor, 'Introduction', 'Standard', bold=True)
    add_paragraph(text, cursor, 'Sales grew in every region this quarter, led by Khulna.')
    text.insertString(cursor, 'Dear ', False)
    if good:
        add_merge_field(doc, text, cursor, 'FirstName')
        text.insertString(cursor, ' of ', False)
        add_merge_field(doc, text, cursor, 'City')
    else:
        text.insertString(cursor, '<<FirstName>> of <<City>>', False)
    text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    add_paragraph(text, cursor, 'Method', 'Heading 2' if good else 'Standard')
    table = doc.createInstance('com.sun.star.text.TextTable')
    table.initialize(3, 2)
    text.insertTextContent(cursor, table, False)
    for name, value in [('A1', 'Region'), ('B1', 'Total'), ('A2', 'Dhaka'), ('B2', '2185.75'), ('A3', 'Sylhet'), ('B3', '1300.75')]:
        table.getCellByName(name).setString(value)
    table.RepeatHeadline = good
    table.HeaderRowCount = 1 if good else 0
    provider = ctx.ServiceManager.createInstanceWithContext('com.sun.star.graphic.GraphicProvider', ctx)
    graphic = provider.queryGraphic((prop('URL', uno.systemPathToFileUrl(png)),))
    picture = doc.createInstance('com.sun.star.text.TextGraphicObject')
    picture.Graphic = graphic
    size = uno.createUnoStruct('com.sun.star.awt.Size')
    size.Width = size.Height = 3000
    picture.Size = size
    if good:
        picture.Description = 'Column chart of sales by region'
    text.insertTextContent(cursor, picture, False)
    text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    add_paragraph(text, cursor, 'Results', 'Heading 1' if good else 'Standard')
    if not good:
        doc.RecordChanges = True
        text.insertString(cursor, 'An unreviewed insertion. ', False)
        doc.RecordChanges = False
        note = doc.createInstance('com.sun.star.text.TextField.Annotation')
        note.Author = 'Reviewer'
        note.Content = 'Please check this figure.'
        text.insertTextContent(cursor, note, False)
    add_paragraph(text, cursor, 'Khulna led with the largest orders.')
    if good:
        index.update()
    save(doc, 'lo-%s.docx' % ('good' if good else 'bad'), 'MS Word 2007 XML')


# ---------------------------------------------------------------- Impress

def find_shape(page, service):
    for i in range(page.getCount()):
        shape = page.getByIndex(i)
        if shape.ShapeType == service:
            return shape
    return None


def build_impress(desktop, ctx, good, png):
    doc = new_doc(desktop, 'simpress')
    pages = doc.DrawPages
    count = 3 if good else 4
    while pages.getCount() < count:
        pages.insertNewByIndex(pages.getCount() - 1)
    layouts = [0, 1, 3] if good else [0, 19, 19, 19]  # title slide, title+content, title+2 content / title only
    titles = ['Quarterly sales', 'Where sales grew', 'Next steps'] if good else ['Quarterly sales', 'Where sales grew', '', '']
    provider = ctx.ServiceManager.createInstanceWithContext('com.sun.star.graphic.GraphicProvider', ctx)
    for i in range(count):
        page = pages.getByIndex(i)
        page.Layout = layouts[i]
        title = find_shape(page, 'com.sun.star.presentation.TitleTextShape')
        if title is not None and titles[i]:
            title.String = titles[i]
        notes = find_shape(page.NotesPage, 'com.sun.star.presentation.NotesShape')
        if notes is not None and (good or i != 1):
            notes.String = 'Say the total first, then explain the regions one by one.'
    page = pages.getByIndex(1)
    picture = doc.createInstance('com.sun.star.drawing.GraphicObjectShape')
    page.add(picture)
    picture.Graphic = provider.queryGraphic((prop('URL', uno.systemPathToFileUrl(png)),))
    size = uno.createUnoStruct('com.sun.star.awt.Size')
    size.Width = size.Height = 4000
    picture.Size = size
    if good:
        picture.Description = 'Bar chart: Khulna has the largest orders'
    box = doc.createInstance('com.sun.star.drawing.TextShape')
    page.add(box)
    size.Width, size.Height = 12000, 2000
    box.Size = size
    position = uno.createUnoStruct('com.sun.star.awt.Point')
    position.X, position.Y = 2000, 15000
    box.Position = position
    box.String = 'Source: order list, January and February'
    box.CharHeight = 20.0 if good else 10.0
    save(doc, 'lo-%s.pptx' % ('good' if good else 'bad'), 'Impress MS PowerPoint 2007 XML')


def main():
    os.makedirs(OUT, exist_ok=True)
    proc, profile, ctx = connect()
    png = os.path.join(profile, 'picture.png')
    write_png(png)
    try:
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        for good in (True, False):
            build_calc(desktop, good)
            build_writer(desktop, ctx, good, png)
            build_impress(desktop, ctx, good, png)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == '__main__':
    main()
