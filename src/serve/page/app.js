// The page for clerks: sends a report to /api/v1/view, shows the text read
// with each finding highlighted at its span, the list of findings, the
// tables as grids with the offending cells marked, and for a Word document
// the annotated copy from /api/v1/annotate. No framework, no build step.
'use strict';

(() => {
  const TEXT = {
    zh: {
      title: '政府信息公开工作年度报告检查',
      inputHeading: '检查一份报告',
      intro: '报告只在本服务内存中检查，不保存、不记录。',
      drop: '把报告文件拖到这里，或选择文件：',
      kinds: '可检查 .txt、.md、.html、.htm、.shtml、.docx、.pdf 文件',
      pasteLabel: '或把报告全文粘贴在这里：',
      checkPaste: '检查粘贴的文本',
      resultHeading: '检查结果',
      download: '下载带批注的 Word 文档',
      filter: '筛选问题',
      error: '错误',
      warning: '警告',
      info: '提示',
      family: '类别',
      allFamilies: '全部类别',
      findings: '发现的问题',
      text: '报告正文（disclint 读到的文字）',
      tables: '表格',
      noTables: '没有读到统计表。',
      noFindings: '没有发现问题。',
      hiddenAll: '当前筛选条件下没有问题。',
      checking: '正在检查……',
      checked: '已检查：',
      downloading: '正在生成批注副本……',
      downloaded: '已下载批注副本：',
      network: '无法连接检查服务，请稍后重试。',
      failed: '检查未完成：',
      emptyPaste: '请先粘贴报告全文。',
      pasted: '粘贴的文本.txt',
      line: '第 {line} 行第 {column} 列',
      help: '建议：',
    },
    en: {
      title: 'Checking a government information disclosure annual report',
      inputHeading: 'Check a report',
      intro: 'The report is checked in this service’s memory only: it is neither stored nor logged.',
      drop: 'Drop the report file here, or choose a file:',
      kinds: 'Reads .txt, .md, .html, .htm, .shtml, .docx and .pdf files',
      pasteLabel: 'Or paste the whole report here:',
      checkPaste: 'Check the pasted text',
      resultHeading: 'Result',
      download: 'Download the Word document with comments',
      filter: 'Filter findings',
      error: 'Errors',
      warning: 'Warnings',
      info: 'Infos',
      family: 'Family',
      allFamilies: 'All families',
      findings: 'Findings',
      text: 'The report’s text (as disclint read it)',
      tables: 'Tables',
      noTables: 'No statistics table was read.',
      noFindings: 'Nothing was found.',
      hiddenAll: 'No finding matches the filters.',
      checking: 'Checking…',
      checked: 'Checked: ',
      downloading: 'Making the annotated copy…',
      downloaded: 'Downloaded the annotated copy: ',
      network: 'The checking service cannot be reached; try again later.',
      failed: 'The check did not finish: ',
      emptyPaste: 'Paste the report’s text first.',
      pasted: 'pasted.txt',
      line: 'line {line}, column {column}',
      help: 'Help: ',
    },
  };

  const state = {
    lang: 'zh',
    // What was checked last: { blob, name }.
    current: null,
    // The last answer of /api/v1/view.
    result: null,
    // Per rule code, its entry of /api/v1/rules (family names).
    rules: {},
    // The finding selected, by index, or -1.
    selected: -1,
    // Per finding index, the marks of the text and the cells of the grids.
    marks: [],
    cells: [],
  };

  const $ = (id) => document.getElementById(id);
  const t = (key) => TEXT[state.lang][key];

  /** An element with a class and text. */
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setStatus(text, problem) {
    const status = $('status');
    status.textContent = text;
    status.classList.toggle('problem', Boolean(problem));
  }

  function applyLang() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    for (const node of document.querySelectorAll('[data-i18n]')) {
      node.textContent = t(node.dataset.i18n);
    }
    const button = $('lang');
    button.textContent = state.lang === 'zh' ? 'English' : '中文';
    button.lang = state.lang === 'zh' ? 'en' : 'zh-CN';
  }

  async function loadRules() {
    try {
      const response = await fetch(`/api/v1/rules?lang=${state.lang}`);
      if (!response.ok) return;
      const body = await response.json();
      state.rules = {};
      for (const rule of body.rules) state.rules[rule.code] = rule;
    } catch (_) {
      // The family filter falls back to the codes' letters.
    }
  }

  function familyOf(code) {
    const rule = state.rules[code];
    return rule ? rule.family_name : code.charAt(0);
  }

  function problem(body) {
    const message = body && body.error ? body.error.message : '';
    setStatus(t('failed') + message, true);
  }

  async function check(blob, name) {
    state.current = { blob, name };
    setStatus(t('checking'));
    const url = `/api/v1/view?lang=${state.lang}&filename=${encodeURIComponent(name)}`;
    let response;
    try {
      response = await fetch(url, { method: 'POST', body: blob });
    } catch (_) {
      setStatus(t('network'), true);
      return;
    }
    const body = await response.json().catch(() => null);
    if (!response.ok || !body || !body.view) {
      $('result').hidden = true;
      problem(body);
      return;
    }
    state.result = body;
    state.selected = -1;
    setStatus(t('checked') + name);
    render();
  }

  /** The findings with their index, severity, family and places. */
  function findings() {
    const file = state.result.check.files[0];
    return file.diagnostics.map((diagnostic, index) => ({
      index,
      diagnostic,
      place: state.result.view.findings[index],
      family: familyOf(diagnostic.code),
    }));
  }

  function visible(all) {
    const severities = new Set(
      [...document.querySelectorAll('input[name=severity]:checked')].map((box) => box.value),
    );
    const family = $('family').value;
    return all.filter(
      (f) => severities.has(f.diagnostic.severity) && (!family || f.family === family),
    );
  }

  function render() {
    const view = state.result.view;
    $('result').hidden = false;
    $('summary').textContent = view.summary;
    $('download').hidden = view.kind !== 'docx';
    const all = findings();
    const select = $('family');
    const chosen = select.value;
    select.replaceChildren(element('option', '', t('allFamilies')));
    select.firstChild.value = '';
    for (const family of [...new Set(all.map((f) => f.family))].sort()) {
      const option = element('option', '', family);
      option.value = family;
      select.append(option);
    }
    select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
    show(all);
  }

  function show(all) {
    const shown = visible(all);
    state.marks = all.map(() => []);
    state.cells = all.map(() => []);
    renderList(all, shown);
    renderText(shown);
    renderTables(shown);
    if (state.selected >= 0) highlight(state.selected);
  }

  function renderList(all, shown) {
    const list = $('findings');
    list.replaceChildren();
    if (shown.length === 0) {
      list.append(element('li', 'empty', all.length ? t('hiddenAll') : t('noFindings')));
      return;
    }
    for (const f of shown) {
      const d = f.diagnostic;
      const item = element('li');
      const button = element('button', `finding sev-${d.severity}`);
      button.type = 'button';
      button.dataset.index = String(f.index);
      button.dataset.code = d.code;
      const head = element('span', 'head');
      head.append(element('span', `badge sev-${d.severity}`, `${t(d.severity)} ${d.code}`));
      head.append(document.createTextNode(d.message));
      button.append(head);
      const where = t('line').replace('{line}', d.line).replace('{column}', d.column);
      button.append(element('span', 'where', `${d.name} · ${f.family} · ${where}`));
      if (d.help) button.append(element('span', 'help', t('help') + d.help));
      button.addEventListener('click', () => select(f.index, true));
      item.append(button);
      list.append(item);
    }
  }

  /** The text read, with a mark over each shown finding's span. */
  function renderText(shown) {
    const text = state.result.view.text;
    const bytes = new TextEncoder().encode(text);
    const decoder = new TextDecoder();
    const clamp = (n) => Math.max(0, Math.min(bytes.length, n));
    const spans = shown.map((f) => ({
      f,
      start: clamp(f.place.start),
      end: clamp(f.place.end),
    }));
    const bounds = new Set([0, bytes.length]);
    for (const s of spans) {
      bounds.add(s.start);
      bounds.add(s.end);
    }
    const points = [...bounds].sort((a, b) => a - b);
    const rank = { error: 0, warning: 1, info: 2 };
    const pre = $('text');
    pre.replaceChildren();
    const markFor = (covering, className, content) => {
      const worst = covering.reduce((a, b) =>
        rank[b.f.diagnostic.severity] < rank[a.f.diagnostic.severity] ? b : a,
      );
      const mark = element('mark', `${className} sev-${worst.f.diagnostic.severity}`, content);
      mark.tabIndex = -1;
      mark.dataset.findings = covering.map((s) => s.f.index).join(' ');
      mark.title = covering.map((s) => `${s.f.diagnostic.code} ${s.f.diagnostic.message}`).join('\n');
      mark.addEventListener('click', () => select(covering[0].f.index, false));
      for (const s of covering) state.marks[s.f.index].push(mark);
      return mark;
    };
    for (let i = 0; i < points.length; i += 1) {
      const at = points[i];
      // Findings of no width (a missing part) stand as a marker at their place.
      const empty = spans.filter((s) => s.start === s.end && s.start === at);
      if (empty.length) pre.append(markFor(empty, 'point', '▲'));
      if (i + 1 === points.length) break;
      const next = points[i + 1];
      const piece = decoder.decode(bytes.subarray(at, next));
      const covering = spans.filter((s) => s.start < s.end && s.start <= at && s.end >= next);
      pre.append(covering.length ? markFor(covering, '', piece) : document.createTextNode(piece));
    }
  }

  /** Whether the byte range [a0, a1) meets [b0, b1) (a cell of no width
   * meets a span that holds its place). */
  function meets(a0, a1, b0, b1) {
    if (a0 === a1) return b0 <= a0 && a0 <= b1;
    return a0 < b1 && b0 < a1;
  }

  function renderTables(shown) {
    const holder = $('tables');
    holder.replaceChildren();
    const grids = state.result.view.tables;
    if (!grids.length) {
      holder.append(element('p', 'hint', t('noTables')));
      return;
    }
    for (const grid of grids) {
      const wrap = element('div', 'grid-wrap');
      wrap.tabIndex = 0;
      const table = element('table');
      table.append(element('caption', '', grid.name));
      const head = element('tr');
      head.append(element('th', '', ''));
      for (const column of grid.columns) {
        const th = element('th', '', column);
        th.scope = 'col';
        head.append(th);
      }
      const thead = element('thead');
      thead.append(head);
      table.append(thead);
      const body = element('tbody');
      for (const row of grid.rows) {
        const tr = element('tr');
        const th = element('th', '', row.label);
        th.scope = 'row';
        tr.append(th);
        for (const cell of row.cells) tr.append(gridCell(cell, shown));
        body.append(tr);
      }
      table.append(body);
      wrap.append(table);
      holder.append(wrap);
    }
  }

  /** One cell: its text, marked when a shown finding is about it, with the
   * labels of the findings that name it as a term. */
  function gridCell(cell, shown) {
    const td = element('td');
    if (!cell) return td;
    td.append(document.createTextNode(cell.text));
    const rank = { error: 0, warning: 1, info: 2 };
    let worst = null;
    for (const f of shown) {
      const primary = meets(cell.start, cell.end, f.place.start, f.place.end);
      const labels = f.place.labels.filter((l) => meets(cell.start, cell.end, l.start, l.end));
      if (!primary && !labels.length) continue;
      const severity = f.diagnostic.severity;
      if (!worst || rank[severity] < rank[worst]) worst = severity;
      for (const label of labels) td.append(element('span', 'term', label.message));
      state.cells[f.index].push(td);
    }
    if (worst) td.classList.add(`sev-${worst}`);
    return td;
  }

  function highlight(index) {
    for (const node of document.querySelectorAll('.current')) node.classList.remove('current');
    for (const node of state.marks[index] || []) node.classList.add('current');
    for (const node of state.cells[index] || []) node.classList.add('current');
    const button = document.querySelector(`.finding[data-index="${index}"]`);
    if (button) button.classList.add('current');
  }

  /** Selects a finding: from the list, the text scrolls to its first mark
   * (which takes the focus); from the text, the list scrolls to it. */
  function select(index, fromList) {
    state.selected = index;
    highlight(index);
    if (fromList) {
      const target = (state.marks[index] || [])[0] || (state.cells[index] || [])[0];
      if (target) {
        target.scrollIntoView({ block: 'center' });
        target.focus({ preventScroll: true });
      }
    } else {
      const button = document.querySelector(`.finding[data-index="${index}"]`);
      if (button) {
        button.scrollIntoView({ block: 'nearest' });
        button.focus({ preventScroll: true });
      }
    }
  }

  async function download() {
    const current = state.current;
    if (!current) return;
    setStatus(t('downloading'));
    const url = `/api/v1/annotate?lang=${state.lang}&filename=${encodeURIComponent(current.name)}`;
    let response;
    try {
      response = await fetch(url, { method: 'POST', body: current.blob });
    } catch (_) {
      setStatus(t('network'), true);
      return;
    }
    if (!response.ok) {
      problem(await response.json().catch(() => null));
      return;
    }
    const blob = await response.blob();
    const name = `${current.name.replace(/\.docx$/i, '')}.disclint.docx`;
    const link = element('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    setStatus(t('downloaded') + name);
  }

  function start() {
    applyLang();
    loadRules();
    const drop = $('drop');
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      const file = event.dataTransfer.files[0];
      if (file) check(file, file.name);
    });
    $('file').addEventListener('change', (event) => {
      const file = event.target.files[0];
      if (file) check(file, file.name);
    });
    $('check-paste').addEventListener('click', () => {
      const text = $('paste').value;
      if (!text.trim()) {
        setStatus(t('emptyPaste'), true);
        return;
      }
      check(new Blob([text], { type: 'text/plain;charset=utf-8' }), t('pasted'));
    });
    $('download').addEventListener('click', download);
    for (const box of document.querySelectorAll('#filters input, #family')) {
      box.addEventListener('change', () => state.result && show(findings()));
    }
    $('lang').addEventListener('click', async () => {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      applyLang();
      await loadRules();
      // The messages come from the service: check again in the new language.
      if (state.current) check(state.current.blob, state.current.name);
    });
  }

  start();
})();
