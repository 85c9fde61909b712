// PajakDx consultation page: plain JavaScript over the service's own API (docs/SERVICE.md).
// Every text from the server comes in Indonesian and English; the switch only re-renders.
'use strict';

(() => {
  const T = {
    id: {
      subtitle: 'Konsultasi kendala Coretax, e-Faktur dan e-Registration',
      pickProblem: 'Apa masalahnya?',
      orPaste: '… atau tempel pesan galat yang muncul',
      recognise: 'Kenali pesan',
      notRecognised: 'Pesan ini tidak dikenali tabel pesan. Pilih masalahnya dari daftar di atas.',
      recognisedNoProblem: 'Pesan dikenali, tetapi belum menunjukkan masalahnya. Pilih masalahnya dari daftar di atas.',
      hide: 'tutup',
      answers: 'Jawaban sejauh ini',
      causes: 'Penyebab',
      others: 'Penyebab lain yang belum disimpulkan (mengapa tidak?)',
      remedies: 'Langkah perbaikan (yang termudah dulu)',
      newConsultation: 'Konsultasi baru',
      footer: 'Diagnosis dari aturan PajakDx; setiap kesimpulan menyebut aturan dan sumbernya.',
      question: 'Pertanyaan',
      unknown: 'tidak tahu',
      skip: 'lewati',
      why: 'Mengapa ditanyakan?',
      how: 'Bagaimana?',
      whyNot: 'Mengapa tidak?',
      answer: 'Jawab',
      change: 'ubah',
      unset: 'hapus',
      cancel: 'batal',
      noMoreQuestions: 'Tidak ada pertanyaan lagi yang mengubah diagnosis.',
      skipped: 'Dilewati',
      noCauses: '(belum ada penyebab yang dapat disimpulkan)',
      noRemedies: '(belum ada)',
      noAnswers: '(belum ada)',
      noOthers: '(tidak ada)',
      fromMessage: 'dari pesan galat',
      via: 'melalui',
      rule: 'aturan',
      findings: 'temuan',
      source: 'sumber',
      would: 'akan menyimpulkan',
      outcome: 'hasil',
      because: 'karena',
      ask: 'tanyakan',
      when: 'bila',
      cost: 'Biaya mencari tahu',
      whyTitle: 'Mengapa pertanyaan ini',
      howTitle: 'Bagaimana disimpulkan',
      whyNotTitle: 'Mengapa tidak',
      noRules: 'Tidak ada aturan yang dapat menyimpulkannya dalam kasus ini.',
      notConcluded: 'BELUM DISIMPULKAN',
      confirmed: 'TERKONFIRMASI',
      suspected: 'DIDUGA',
      'ruled-out': 'DISINGKIRKAN',
      met: 'terpenuhi',
      failed: 'gagal',
      unknownState: 'belum diketahui',
      taxpayer: 'Wajib Pajak',
      kpp: 'petugas KPP',
      djp: 'DJP',
      asOf: 'Per',
      expired: 'Konsultasi ini sudah tidak ada (kedaluwarsa atau ditutup). Mulai konsultasi baru.',
      network: 'Layanan tidak dapat dihubungi.',
      formats: 'bentuk',
      filter: 'Saring daftar…'
    },
    en: {
      subtitle: 'Consultation on Coretax, e-Faktur and e-Registration problems',
      pickProblem: 'What is the problem?',
      orPaste: '… or paste the error text that appeared',
      recognise: 'Recognise the message',
      notRecognised: 'The message table does not know this text. Pick the problem from the list above.',
      recognisedNoProblem: 'The message was recognised, but does not tell the problem yet. Pick it from the list above.',
      hide: 'close',
      answers: 'Answers so far',
      causes: 'Causes',
      others: 'Other causes not concluded (why not?)',
      remedies: 'Remedies (cheapest first)',
      newConsultation: 'New consultation',
      footer: 'Diagnosis from the PajakDx rules; every conclusion names its rule and its source.',
      question: 'Question',
      unknown: 'unknown',
      skip: 'skip',
      why: 'Why is this asked?',
      how: 'How?',
      whyNot: 'Why not?',
      answer: 'Answer',
      change: 'change',
      unset: 'remove',
      cancel: 'cancel',
      noMoreQuestions: 'No question left that would change the diagnosis.',
      skipped: 'Skipped',
      noCauses: '(no cause can be concluded yet)',
      noRemedies: '(none yet)',
      noAnswers: '(none yet)',
      noOthers: '(none)',
      fromMessage: 'from the error text',
      via: 'via',
      rule: 'rule',
      findings: 'findings',
      source: 'source',
      would: 'would conclude',
      outcome: 'outcome',
      because: 'by',
      ask: 'ask',
      when: 'when',
      cost: 'Cost of finding out',
      whyTitle: 'Why this question',
      howTitle: 'How it was concluded',
      whyNotTitle: 'Why not',
      noRules: 'No rule can conclude it in this case.',
      notConcluded: 'NOT CONCLUDED',
      confirmed: 'CONFIRMED',
      suspected: 'SUSPECTED',
      'ruled-out': 'RULED OUT',
      met: 'met',
      failed: 'failed',
      unknownState: 'unknown',
      taxpayer: 'taxpayer',
      kpp: 'KPP officer',
      djp: 'DJP',
      asOf: 'As of',
      expired: 'This consultation is gone (expired or closed). Start a new one.',
      network: 'The service cannot be reached.',
      formats: 'forms',
      filter: 'Filter the list…'
    }
  };
  const STATUSES = ['confirmed', 'suspected', 'ruled-out'];

  let lang = 'id';
  let problems = [];
  const findings = new Map();
  let state = null;       // the consultation as the server last answered
  let panel = null;       // {kind, data}: the explanation shown
  let others = null;      // causes not concluded, when asked for
  let editing = null;     // the finding whose answer is being changed
  let startNote = null;   // key of the note under the start form

  const $ = (id) => document.getElementById(id);
  const t = (key) => T[lang][key] || key;
  const txt = (text) => (text ? text[lang] || text.id || text.en || '' : '');

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'onclick') node.addEventListener('click', v);
      else if (k.startsWith('data-')) node.setAttribute(k, v);
      else node[k] = v;
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function button(label, onclick, attrs) {
    return el('button', Object.assign({ type: 'button', onclick }, attrs || {}), label);
  }

  // --- talking to the service ---

  async function api(method, path, body) {
    document.body.dataset.busy = '1';
    try {
      const sep = path.includes('?') ? '&' : '?';
      const res = await fetch(path + sep + 'lang=' + lang, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      });
      if (res.status === 204) return null;
      const data = await res.json();
      if (!res.ok) throw data;
      hideError();
      return data;
    } finally {
      document.body.dataset.busy = '0';
    }
  }

  function showError(e) {
    const box = $('error');
    if (e && e.type === 'https://pajakdx.example/errors/consultation-not-found') {
      box.textContent = t('expired');
    } else if (e && e.title) {
      box.textContent = e.title + ': ' + e.detail;
    } else {
      box.textContent = t('network');
    }
    box.hidden = false;
  }

  function hideError() {
    $('error').hidden = true;
  }

  const guarded = (fn) => async (...args) => {
    try {
      await fn(...args);
    } catch (e) {
      showError(e);
    }
  };

  // --- actions ---

  const start = guarded(async (body) => {
    state = await api('POST', '/v1/consultations', body);
    panel = null;
    others = null;
    editing = null;
    startNote = body.errors && !state.problem ? (state.recognised ? 'recognisedNoProblem' : 'notRecognised') : null;
    render();
  });

  const pickProblem = guarded(async (id) => {
    if (state && !state.problem) {
      await answer('problem', id);
    } else {
      await start({ problem: id });
    }
  });

  const answer = guarded(async (finding, value) => {
    state = await api('PUT', path('answers/' + encodeURIComponent(finding)), { value });
    afterChange();
  });

  const unset = guarded(async (finding) => {
    state = await api('DELETE', path('answers/' + encodeURIComponent(finding)));
    afterChange();
  });

  const skip = guarded(async (finding) => {
    state = await api('POST', path('skip'), { finding });
    afterChange();
  });

  const explain = guarded(async (kind, arg) => {
    const url = kind === 'why' ? path('why?finding=' + encodeURIComponent(arg))
      : path((kind === 'how' ? 'how/' : 'why-not/') + encodeURIComponent(arg));
    panel = { kind, arg, data: await api('GET', url) };
    renderExplain();
    $('explain').scrollIntoView({ block: 'nearest' });
  });

  const toggleOthers = guarded(async () => {
    if (others) {
      others = null;
    } else {
      const full = await api('GET', path('') + '?whyNot=true');
      others = full.diagnosis.notConcluded;
    }
    renderOthers();
  });

  const restart = guarded(async () => {
    if (state) {
      try {
        await api('DELETE', path(''));
      } catch (e) {
        // already gone
      }
    }
    state = null;
    panel = null;
    others = null;
    startNote = null;
    render();
  });

  function path(rest) {
    return '/v1/consultations/' + encodeURIComponent(state.id) + (rest ? '/' + rest : '');
  }

  function afterChange() {
    editing = null;
    others = null;
    if (panel && panel.kind === 'why') panel = null;
    render();
    if (panel) explain(panel.kind, panel.arg);
  }

  // --- rendering ---

  function valueLabel(finding, value) {
    if (value === 'unknown') return t('unknown');
    if (finding === 'problem') {
      const p = problems.find((x) => x.id === value);
      return p ? txt(p.text) : value;
    }
    const def = findings.get(finding);
    const v = def && def.values.find((x) => x.id === value);
    return v ? txt(v.text) : value;
  }

  function statusLabel(status) {
    return status ? t(status) : t('notConcluded');
  }

  function badge(status) {
    return el('span', { class: 'badge ' + (status || 'none') }, statusLabel(status));
  }

  function answerControls(finding, values, type, formats, onAnswer) {
    const box = el('div', { class: 'buttons' });
    if (values && values.length) {
      for (const v of values) {
        box.append(button(txt(v.text), () => onAnswer(v.id), { 'data-value': v.id }));
      }
    } else {
      const input = el('input', { type: 'text', 'aria-label': t('answer') });
      if (formats && formats.length) input.placeholder = t('formats') + ': ' + formats.join(', ');
      box.append(input, button(t('answer'), () => onAnswer(input.value), { class: 'primary', 'data-value': '' }));
    }
    box.append(button(t('unknown'), () => onAnswer('unknown'), { 'data-value': 'unknown' }));
    return box;
  }

  function render() {
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
    for (const node of document.querySelectorAll('[data-t-placeholder]')) node.placeholder = t(node.dataset.tPlaceholder);
    $('lang-id').setAttribute('aria-pressed', String(lang === 'id'));
    $('lang-en').setAttribute('aria-pressed', String(lang === 'en'));
    const inConsultation = state && state.problem;
    $('start').hidden = Boolean(inConsultation);
    $('consultation').hidden = !inConsultation;
    renderStart();
    if (inConsultation) {
      renderQuestion();
      renderAnswers();
      renderCauses();
      renderRemedies();
      renderExplain();
      renderOthers();
    }
  }

  function renderStart() {
    const list = $('problems');
    const words = $('problem-filter').value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const shown = problems.filter((p) => words.every((w) => (txt(p.text) + ' ' + p.id).toLowerCase().includes(w)));
    list.replaceChildren(...shown.map((p) =>
      el('li', null, button(txt(p.text), () => pickProblem(p.id), { 'data-problem': p.id }))));
    $('start-note').textContent = startNote ? t(startNote) : '';
  }

  function renderQuestion() {
    const box = $('question');
    const q = state.next;
    if (!q) {
      box.replaceChildren(el('p', { id: 'no-more-questions' }, t('noMoreQuestions')));
      if (state.skipped.length) {
        box.append(el('p', { class: 'meta' }, t('skipped') + ': ' + state.skipped.join(', ')));
      }
      return;
    }
    const controls = answerControls(q.finding, q.values, q.type, q.formats, (v) => answer(q.finding, v));
    controls.append(
      button(t('skip'), () => skip(q.finding), { 'data-value': 'skip' }),
      button(t('why'), () => explain('why', q.finding), { id: 'why-button', class: 'link' }));
    box.replaceChildren(
      el('p', { class: 'meta' }, t('question') + ' — ' + txt(q.costText)),
      el('p', { class: 'question-text', id: 'question-text', 'data-finding': q.finding }, txt(q.text)),
      controls);
  }

  function renderAnswers() {
    const list = $('answers');
    if (!state.answers.length) {
      list.replaceChildren(el('li', null, t('noAnswers')));
      return;
    }
    list.replaceChildren(...state.answers.map((a) => {
      const def = findings.get(a.finding);
      const label = a.finding === 'problem' ? t('pickProblem') : def ? txt(def.question) : a.finding;
      const row = el('li', { 'data-finding': a.finding },
        el('div', { class: 'meta' }, label),
        el('span', { class: 'value' }, valueLabel(a.finding, a.value)),
        a.fromMessage ? el('span', { class: 'meta' }, ' (' + t('fromMessage') + ')') : null,
        ' ',
        button(t('change'), () => { editing = a.finding; renderAnswers(); }, { class: 'link change' }),
        a.finding === 'problem' ? null : button(t('unset'), () => unset(a.finding), { class: 'link unset' }));
      if (editing === a.finding) {
        const values = a.finding === 'problem'
          ? problems.map((p) => ({ id: p.id, text: p.text }))
          : def ? def.values : [];
        const controls = answerControls(a.finding, values, def && def.type, def && def.formats,
          (v) => answer(a.finding, v));
        controls.append(button(t('cancel'), () => { editing = null; renderAnswers(); }, { class: 'link' }));
        row.append(controls);
      }
      return row;
    }));
  }

  function renderCauses() {
    const box = $('causes');
    const causes = state.diagnosis.causes;
    if (!causes.length) {
      box.replaceChildren(el('p', { class: 'meta' }, t('noCauses')));
      return;
    }
    const groups = [];
    for (const status of STATUSES) {
      const mine = causes.filter((c) => c.status === status);
      if (!mine.length) continue;
      groups.push(el('h3', null, statusLabel(status)));
      for (const c of mine) {
        groups.push(el('div', { class: 'cause ' + status, 'data-cause': c.id, 'data-status': status },
          el('div', null, badge(status), el('span', { class: 'text' }, txt(c.text)),
            c.relations.length ? el('span', { class: 'meta' }, ' (' + c.relations.join(', ') + ')') : null),
          c.detail ? el('div', { class: 'detail' }, txt(c.detail)) : null,
          el('div', null,
            button(t('how'), () => explain('how', c.id), { class: 'link how' }),
            button(t('whyNot'), () => explain('whyNot', c.id), { class: 'link why-not' }))));
      }
    }
    box.replaceChildren(...groups);
  }

  function renderRemedies() {
    const list = $('remedies');
    const remedies = state.diagnosis.remedies;
    if (!remedies.length) {
      list.replaceChildren(el('li', null, t('noRemedies')));
      return;
    }
    list.replaceChildren(...remedies.map((r) => el('li', { 'data-remedy': r.id, 'data-escalation': String(r.escalation) },
      txt(r.text), ' ', el('span', { class: 'meta' }, '[' + t(r.actor) + ']'),
      r.channels.length ? el('div', { class: 'channels' }, t('via') + ': ' + r.channels.map(txt).join('; ')) : null)));
  }

  function renderOthers() {
    const list = $('others');
    list.hidden = !others;
    if (!others) return;
    if (!others.length) {
      list.replaceChildren(el('li', null, t('noOthers')));
      return;
    }
    list.replaceChildren(...others.map((c) => el('li', { 'data-cause': c.id },
      badge(null), txt(c.text), c.relations.length ? ' (' + c.relations.join(', ') + ') ' : ' ',
      button(t('whyNot'), () => explain('whyNot', c.id), { class: 'link why-not' }))));
  }

  function ruleLine(r) {
    return el('div', { class: 'rule' },
      el('div', null, t('rule') + ' "' + r.rule + '" ', el('span', { class: 'where' }, '(' + r.file + ')'),
        ' ' + t('would') + ' ', badge(r.concludes),
        r.outcome ? ' — ' + t('outcome') + ': ' + t(r.outcome === 'unknown' ? 'unknownState' : r.outcome) : ''));
  }

  function renderExplain() {
    const box = $('explain');
    box.hidden = !panel;
    if (!panel) return;
    const body = [];
    const data = panel.data;
    if (panel.kind === 'why') {
      $('explain-title').textContent = t('whyTitle') + ': ' + txt(data.text);
      for (const c of data.causes) {
        body.push(el('p', null, badge(c.status), txt(c.text), c.relations.length ? ' (' + c.relations.join(', ') + ')' : ''));
        for (const r of c.rules) {
          const line = ruleLine(r);
          line.append(el('div', { class: 'condition unknown' }, t('when') + ' ' + r.conditions.join('; ')));
          body.push(line);
        }
      }
      body.push(el('p', { class: 'meta' }, t('cost') + ': ' + txt(data.costText)));
    } else if (panel.kind === 'how') {
      $('explain-title').textContent = t('howTitle');
      for (const c of data.causes) {
        body.push(el('p', null, badge(c.status), txt(c.text)));
        for (const s of c.how) {
          body.push(el('div', { class: 'rule' },
            el('div', null, t('rule') + ' "' + s.rule + '" ', el('span', { class: 'where' }, '(' + s.file + ')')),
            el('div', { class: 'condition met' }, t('findings') + ': ' + s.facts.filter((f) => !f.startsWith('as-of')).join('; '))));
        }
        for (const src of c.sources) {
          const title = src.publisher ? src.publisher + ', "' + src.title + '"' : src.title;
          body.push(el('div', { class: 'meta' }, t('source') + ': ',
            src.url ? el('a', { href: src.url, rel: 'noopener noreferrer', target: '_blank' }, title) : title));
        }
      }
    } else {
      $('explain-title').textContent = t('whyNotTitle');
      for (const c of data.causes) {
        body.push(el('p', null, badge(c.status), txt(c.text)));
        if (!c.rules.length) body.push(el('p', { class: 'meta' }, t('noRules')));
        for (const r of c.rules) {
          const line = ruleLine(r);
          for (const k of r.conditions) {
            const word = k.state === 'unknown' ? 'unknownState' : k.state;
            const why = k.state === 'failed' && k.fact ? ' — ' + t('because') + ' ' + k.fact
              : k.state === 'unknown' && k.ask ? ' — ' + t('ask') + ': ' + k.ask : '';
            line.append(el('div', { class: 'condition ' + k.state }, '[' + t(word) + '] ' + k.condition + why));
          }
          body.push(line);
        }
      }
    }
    $('explain-body').replaceChildren(...body);
  }

  // --- start ---

  function setLang(l) {
    lang = l;
    render();
  }

  async function init() {
    $('lang-id').addEventListener('click', () => setLang('id'));
    $('lang-en').addEventListener('click', () => setLang('en'));
    $('error-submit').addEventListener('click', () => {
      const text = $('error-text').value.trim();
      if (text) {
        if (state && !state.problem) {
          guarded(async () => {
            state = await api('POST', path('errors'), { text });
            startNote = state.problem ? null : state.recognised ? 'recognisedNoProblem' : 'notRecognised';
            render();
          })();
        } else {
          start({ errors: [text] });
        }
      }
    });
    $('problem-filter').addEventListener('input', () => renderStart());
    $('explain-close').addEventListener('click', () => { panel = null; renderExplain(); });
    $('others-button').addEventListener('click', () => toggleOthers());
    $('new-consultation').addEventListener('click', () => restart());
    try {
      const [p, f] = await Promise.all([api('GET', '/v1/problems'), api('GET', '/v1/findings')]);
      problems = p.problems;
      for (const def of f.findings) findings.set(def.id, def);
    } catch (e) {
      showError(e);
    }
    render();
    document.body.dataset.ready = '1';
  }

  document.addEventListener('DOMContentLoaded', init);
})();
