#!/usr/bin/env python3
"""Writes each corpus document's .html from its .txt: the article as a government web page shows it.

    python3 tests/corpus/make-html.py            # every tests/corpus/*/*.txt
    python3 tests/corpus/make-html.py FILE.txt   # one

The page wraps the article in one of five layouts that government sites use (a gov.cn-style page with the title
above #UCAP-CONTENT, a TRS editor page, a #zoom page, an old site laid out in tables, an article whose lines are
separated by <br>), each with navigation, a breadcrumb, a metadata box, a share bar, related links and a footer.
Paragraphs become <p>; a task table written in the .txt (a header line with 序号 and 单位 columns, cells separated by
tabs, by | or by runs of spaces) becomes a <table>: a section line inside it a row spanning all columns, a header
repeated after a page break a repeated header row, and the same text in consecutive cells of a column a cell with a
rowspan (a task cell left empty in the .txt, which continues the task above, is merged the same way). Page numbers
(— 2 —) are left out, as a web page has none. The layout is chosen from the file name, so the output is stable.
"""
import hashlib
import html
import pathlib
import re
import sys

FOOTER = re.compile(r'^\s*[—\-－]\s*\d+\s*[—\-－]\s*$')


def width(s):
    return sum(2 if ord(c) > 0x2e80 else 1 for c in s)


def split_cells(line):
    if '\t' in line:
        return [c.strip() for c in line.split('\t')]
    if '|' in line:
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        return cells
    return None


def split_aligned(line, starts):
    """Cells of a line laid out in columns that start at the display columns of the header's cells."""
    cells = [''] * len(starts)
    col = 0
    i = 0
    while i < len(line):
        if line[i] == ' ':
            col += 1
            i += 1
            continue
        j = i
        seg = ''
        while j < len(line) and not (line[j] == ' ' and j + 1 < len(line) and line[j + 1] == ' '):
            seg += line[j]
            j += 1
        k = max(n for n, s in enumerate(starts) if s <= col + 1)
        cells[k] = (cells[k] + seg).strip()
        col += width(line[i:j])
        i = j
    return cells


def header_starts(line):
    starts, col, i = [], 0, 0
    while i < len(line):
        if line[i] == ' ':
            col += 1
            i += 1
            continue
        starts.append(col)
        j = i
        while j < len(line) and not (line[j] == ' ' and j + 1 < len(line) and line[j + 1] == ' '):
            j += 1
        col += width(line[i:j])
        i = j
    return starts


def is_header(line):
    return '序号' in line and ('单位' in line or '部门' in line) and (
        split_cells(line) is not None or re.search(r'\S {2,}\S', line))


def is_rule(line):
    return line.strip() and set(line.strip()) <= set('|-:— ')


def parse(lines):
    """Blocks: ('p', text) or ('table', header, rows) where a row is ('row', cells) or ('section', text) or ('header',)."""
    blocks, i = [], 0
    while i < len(lines):
        line = lines[i]
        if FOOTER.match(line) or not line.strip():
            i += 1
            continue
        if not is_header(line):
            blocks.append(('p', line.strip()))
            i += 1
            continue
        cells = split_cells(line)
        starts = None if cells is not None else header_starts(line)
        header = cells if cells is not None else split_aligned(line, starts)
        rows, i = [], i + 1
        while i < len(lines):
            row = lines[i]
            if FOOTER.match(row) or is_rule(row) or not row.strip():
                i += 1
                continue
            if row.strip() == line.strip():
                rows.append(('header',))
                i += 1
                continue
            cells = split_cells(row) if starts is None else (split_aligned(row, starts) if re.search(r'\S {2,}\S', row) else None)
            if cells is not None and sum(1 for c in cells if c) >= 2:
                rows.append(('row', cells + [''] * (len(header) - len(cells))))
                i += 1
                continue
            if re.match(r'^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）', row.strip()) and '。' not in row:
                rows.append(('section', row.strip()))
                i += 1
                continue
            break
        blocks.append(('table', header, rows))
    return blocks


def table_html(header, rows):
    n = len(header)
    task = next((k for k, h in enumerate(header) if '任务' in h or '内容' in h), -1)
    data = [r for r in rows if r[0] == 'row']
    # an empty task cell continues the task above (a merged cell copied to text)
    last = None
    for r in data:
        if task >= 0:
            if not r[1][task] and last is not None:
                r[1][task] = last
            last = r[1][task]
    # rowspans: the same text in consecutive data rows (not across section or header rows) of the task and unit columns
    span = {}
    merge_cols = [k for k, h in enumerate(header) if k == task or '单位' in h or '部门' in h]
    runs = []
    run = []
    for r in rows:
        if r[0] == 'row':
            run.append(r)
        else:
            runs.append(run)
            run = []
    runs.append(run)
    for run in runs:
        for k in merge_cols:
            start = 0
            while start < len(run):
                end = start + 1
                while end < len(run) and run[end][1][k] and run[end][1][k] == run[start][1][k]:
                    end += 1
                if end - start > 1:
                    span[(id(run[start]), k)] = end - start
                    for r in run[start + 1:end]:
                        span[(id(r), k)] = 0
                start = end
    out = ['<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="4" width="100%">']
    head = '<tr>' + ''.join(f'<th>{html.escape(h)}</th>' for h in header) + '</tr>'
    out.append('<thead>' + head + '</thead><tbody>')
    for r in rows:
        if r[0] == 'header':
            out.append(head)
        elif r[0] == 'section':
            out.append(f'<tr><td colspan="{n}"><b>{html.escape(r[1])}</b></td></tr>')
        else:
            tds = []
            for k, c in enumerate(r[1][:n]):
                s = span.get((id(r), k))
                if s == 0:
                    continue
                attr = f' rowspan="{s}"' if s else ''
                tds.append(f'<td{attr}>{html.escape(c)}</td>')
            out.append('<tr>' + ''.join(tds) + '</tr>')
    out.append('</tbody></table>')
    return '\n'.join(out)


NAV = '''<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxx/">走进{site}</a></li></ul></div>'''
CRUMB = '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></div>'
META = '''<table class="xxgk-meta"><tr><td>索引号：</td><td>{index}</td><td>发布机构：</td><td>{site}</td></tr>
<tr><td>主题分类：</td><td>综合政务</td><td>发布日期：</td><td>{date}</td></tr></table>'''
SHARE = '<div class="share-bar">分享到：<a>微信</a> <a>微博</a> <a href="javascript:window.print()">【打印本页】</a> <a>【关闭窗口】</a></div>'
RELATED = '''<div class="related-links"><h3>相关链接</h3><ul><li><a href="/a.html">关于开展2024年度政务公开工作考核的通知</a></li>
<li><a href="/b.html">政策解读：一图读懂重点工作</a></li></ul></div>'''
FOOT = '''<div class="footer">主办：{site}办公室　网站标识码：{index}　<a>网站地图</a>　<a>联系我们</a><br>版权所有 © {site}</div>
<script>var _hmt = _hmt || []; (function () {{ var hm = document.createElement("script"); }})();</script>'''


def page(layout, title, body_html, site, index, date):
    furniture = dict(site=html.escape(site), index=index, date=date)
    nav = NAV.format(**furniture)
    meta = META.format(**furniture)
    foot = FOOT.format(**furniture)
    head = f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}_{html.escape(site)}</title>\n<style>body{{font-family:SimSun}}</style></head>\n<body>\n'
    if layout == 0:  # gov.cn style: title above the article container
        return head + f'''<header class="header">{nav}</header>\n{CRUMB}\n{meta}
<div class="article"><h1 class="article-title">{html.escape(title)}</h1><div class="pages-date">{date}　来源：{html.escape(site)}</div>
<div id="UCAP-CONTENT">\n{body_html}\n</div>{SHARE}</div>\n<aside>{RELATED}</aside>\n<footer>{foot}</footer>\n</body></html>\n'''
    if layout == 1:  # TRS editor
        return head + f'''<div class="nav">{nav}</div>\n{CRUMB}
<div class="main-content"><div class="title-box"><h2>{html.escape(title)}</h2></div>{meta}
<div class="TRS_Editor">\n{body_html}\n</div></div>\n{SHARE}\n{RELATED}\n{foot}\n</body></html>\n'''
    if layout == 2:  # #zoom
        return head + f'''{nav}\n{CRUMB}\n<div class="con-box">{meta}<div id="zoom">\n{body_html}\n</div></div>\n<div class="sidebar">{RELATED}</div>\n{foot}\n</body></html>\n'''
    if layout == 3:  # old site laid out in tables
        return head + f'''<table width="1000" align="center"><tr><td>{nav}</td></tr><tr><td>{CRUMB}</td></tr>
<tr><td><table width="100%" class="layout"><tr><td class="article-body">\n{body_html}\n</td></tr></table></td></tr>
<tr><td>{foot}</td></tr></table>\n</body></html>\n'''
    return head + f'''{nav}\n{CRUMB}\n<div class="article-content">\n{body_html}\n</div>\n{SHARE}\n{foot}\n</body></html>\n'''


def render(txt_path):
    text = txt_path.read_text(encoding='utf-8')
    lines = text.split('\n')
    blocks = parse(lines)
    name = txt_path.stem
    layout = int(hashlib.sha256(name.encode()).hexdigest(), 16) % 5
    title = blocks[0][1] if blocks and blocks[0][0] == 'p' else name
    site = re.split(r'关于', title)[0] or '人民政府'
    date = next((b[1] for b in blocks if b[0] == 'p' and re.fullmatch(r'\d{4}年\d{1,2}月\d{1,2}日', b[1])), '')
    index = 'ZC' + hashlib.sha256(name.encode()).hexdigest()[:10].upper()
    parts = []
    for k, b in enumerate(blocks):
        if b[0] == 'table':
            parts.append(table_html(b[1], b[2]))
        elif layout == 4:
            parts.append(html.escape(b[1]) + '<br>')
        elif k == 0:
            parts.append(f'<p style="text-align:center"><strong>{html.escape(b[1])}</strong></p>')
        else:
            parts.append(f'<p style="text-indent:2em">{html.escape(b[1])}</p>')
    out = txt_path.with_suffix('.html')
    out.write_text(page(layout, title, '\n'.join(parts), site, index, date), encoding='utf-8')
    return out, layout


if __name__ == '__main__':
    root = pathlib.Path(__file__).parent
    files = [pathlib.Path(a) for a in sys.argv[1:]] or sorted(root.glob('*/*.txt'))
    for f in files:
        out, layout = render(f)
        print(f'{out} (layout {layout})')
