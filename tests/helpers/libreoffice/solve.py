"""Completes a project's start file in LibreOffice Calc (driven through Python-UNO), the way a
learner would, and saves it as .xlsx with LibreOffice's own export filter.

Usage: python3 solve.py <jobs.json>, where the file holds a list of
{"project": id, "src": start file, "out": solved file, "skip": [step ids left undone]}.

Starts one private headless soffice for all jobs (own profile folder, own pipe), so parallel runs
do not meet; the first start with a fresh profile can take half a minute on a busy machine.
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellRangeAddress


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start_office():
    profile = tempfile.mkdtemp(prefix='lo-profile-')
    pipe = 'dakshata_' + uuid.uuid4().hex
    proc = subprocess.Popen([
        'soffice', '--headless', '--invisible', '--norestore', '--nologo', '--nodefault',
        '-env:UserInstallation=file://' + profile,
        '--accept=pipe,name=%s;urp;StarOffice.ComponentContext' % pipe,
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(1800):
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            return proc, ctx
        except Exception:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit('soffice did not start')


def used_rows(sheet, col=0):
    """Index of the last non-empty row in a column (0-based)."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last = cursor.getRangeAddress().EndRow
    while last > 0 and sheet.getCellByPosition(col, last).getString() == '':
        last -= 1
    return last


def solve_order_report(doc, skip):
    orders = doc.Sheets.getByName('Orders')
    summary = doc.Sheets.getByName('Summary')
    last = used_rows(orders)
    for r in range(1, last + 1):
        n = r + 1
        if 'unit-prices' not in skip:
            # LibreOffice 7.4 has no XLOOKUP: VLOOKUP with an exact match is the accepted equivalent.
            orders.getCellByPosition(8, r).setFormula("=VLOOKUP(G%d;$'Price list'.$A$2:$C$11;3;0)" % n)
        if 'line-totals' not in skip:
            orders.getCellByPosition(9, r).setFormula('=H%d*I%d' % (n, n))
    for r in range(1, 5):
        n = r + 1
        if 'region-totals' not in skip:
            summary.getCellByPosition(1, r).setFormula('=SUMIFS($Orders.$J$2:$J$%d;$Orders.$E$2:$E$%d;A%d)' % (last + 1, last + 1, n))
        if 'whatsapp-totals' not in skip:
            summary.getCellByPosition(2, r).setFormula('=SUMIFS($Orders.$J$2:$J$%d;$Orders.$E$2:$E$%d;A%d;$Orders.$F$2:$F$%d;"WhatsApp")' % (last + 1, last + 1, n, last + 1))


SOLVERS = {
    'order-report': solve_order_report,
}


def main():
    with open(sys.argv[1]) as f:
        jobs = json.load(f)
    proc, ctx = start_office()
    try:
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        for job in jobs:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(job['src'])), '_blank', 0, (prop('Hidden', True),))
            SOLVERS[job['project']](doc, set(job.get('skip', [])))
            doc.calculateAll()
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job['out'])), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == '__main__':
    main()
