// kg query page: named queries as examples, parameters bound by the server, results as a table.
"use strict";

(function () {
  const BASE = "https://w3id.org/kg/";
  const config = JSON.parse(document.getElementById("kg-config").textContent);
  const prefixes = Object.entries(config.prefixes).sort((a, b) => b[1].length - a[1].length);
  const $ = (id) => document.getElementById(id);
  const editor = $("editor"), named = $("named"), params = $("params"), description = $("description");
  const run = $("run"), status = $("status"), results = $("results"), error = $("error");
  let queries = {};

  function shorten(iri) {
    for (const [prefix, ns] of prefixes) {
      if (iri.startsWith(ns) && iri.length > ns.length) return prefix + ":" + iri.slice(ns.length);
    }
    return iri;
  }

  // Where a link to an IRI goes: the same rules as kg.serve.href.
  function linkFor(iri) {
    if (iri.startsWith(BASE + "actor/")) {
      const rest = iri.slice((BASE + "actor/").length);
      return rest.includes("/") ? "/resource?iri=" + encodeURIComponent(iri) : "/actor/" + rest;
    }
    if (iri.startsWith(BASE + "event/")) {
      return "/event/" + iri.slice((BASE + "event/").length).replace(/\/evidence$/, "");
    }
    if (iri.startsWith(BASE + "dyad/")) {
      const pair = iri.slice((BASE + "dyad/").length).split("-");
      if (pair.length === 2) return "/dyad/" + pair[0] + "/" + pair[1];
    }
    if (iri.startsWith(BASE)) return "/resource?iri=" + encodeURIComponent(iri);
    if (/^https?:\/\//.test(iri)) return iri;
    return null;
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      const href = linkFor(term.value);
      const text = shorten(term.value);
      if (href) {
        const a = document.createElement("a");
        a.href = href;
        a.textContent = text;
        a.title = term.value;
        if (!href.startsWith("/")) { a.rel = "noopener noreferrer"; a.target = "_blank"; }
        td.appendChild(a);
      } else {
        td.textContent = text;
      }
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      td.textContent = term.value;
      if (term.value.length > 60) td.className = "long";
      if (term.datatype) td.title = shorten(term.datatype);
      if (term["xml:lang"]) td.title = "@" + term["xml:lang"];
      if (/#(integer|decimal|double|float)$/.test(term.datatype || "")) td.className = "num";
    }
    return td;
  }

  function render(data) {
    results.replaceChildren();
    if (typeof data.boolean === "boolean") {
      const tr = results.insertRow();
      tr.insertCell().textContent = data.boolean ? "yes (true)" : "no (false)";
      return 1;
    }
    const vars = data.head.vars || [];
    const head = results.createTHead().insertRow();
    for (const v of vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    const body = results.createTBody();
    for (const binding of data.results.bindings) {
      const tr = body.insertRow();
      for (const v of vars) tr.appendChild(cell(binding[v]));
    }
    return data.results.bindings.length;
  }

  function showParams(query) {
    params.replaceChildren();
    description.textContent = query ? query.description : "";
    if (!query) return;
    for (const p of query.params) {
      const label = document.createElement("label");
      const name = document.createElement("span");
      name.textContent = p.name + (p.help ? " — " + p.help : "");
      const input = document.createElement("input");
      input.name = p.name;
      input.dataset.param = p.name;
      const example = /e\.g\.\s*(\S+)/.exec(p.help || "");
      if (example) input.placeholder = example[1];
      label.append(name, input);
      params.appendChild(label);
    }
  }

  async function execute() {
    const body = { query: editor.value, params: {} };
    for (const input of params.querySelectorAll("input[data-param]")) {
      if (input.value.trim()) body.params[input.dataset.param] = input.value.trim();
    }
    run.disabled = true;
    error.hidden = true;
    status.textContent = "running…";
    const started = performance.now();
    try {
      const response = await fetch("/api/query", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      const data = await response.json();
      if (!response.ok) throw new Error(data.error || response.statusText);
      const n = render(data);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const cut = data.kg && data.kg.truncated ? ` (truncated at ${data.kg.maxRows}; add LIMIT or filters)` : "";
      status.textContent = `${n} ${n === 1 ? "row" : "rows"} in ${seconds} s${cut}`;
    } catch (exc) {
      results.replaceChildren();
      error.textContent = exc.message;
      error.hidden = false;
      status.textContent = "";
    } finally {
      run.disabled = false;
    }
  }

  named.addEventListener("change", () => {
    const query = queries[named.value];
    if (query) editor.value = query.text;
    showParams(query);
  });
  run.addEventListener("click", execute);
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); execute(); }
  });

  fetch("/api/queries").then((r) => r.json()).then((list) => {
    for (const q of list) {
      queries[q.name] = q;
      const option = document.createElement("option");
      option.value = q.name;
      option.textContent = q.name.replace(/_/g, " ") + (q.params.length ? " (" + q.params.map((p) => p.name).join(", ") + ")" : "");
      option.title = q.description;
      named.appendChild(option);
    }
    document.body.dataset.ready = "true";
  }).catch((exc) => { error.textContent = "cannot load the named queries: " + exc.message; error.hidden = false; });
})();
