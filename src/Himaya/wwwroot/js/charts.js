// Draws every <figure data-chart> (Platform/Pages/ChartTagHelper.cs) with the vendored Chart.js. The figures come from
// the JSON data block in the figure, so the page needs no inline script (CSP: script-src 'self'). A null value is a
// hidden (suppressed) figure: it stays a gap, never a zero. Without this script the figure's table still holds them.
(() => {
  if (!window.Chart) return;
  const lang = document.documentElement.lang || "en";
  // Okabe–Ito: colours told apart with the common colour-vision deficiencies.
  const palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999933", "#000000"];
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(lang);

  for (const figure of document.querySelectorAll("figure[data-chart]")) {
    const spec = JSON.parse(figure.querySelector("script.chart-data").textContent);
    const canvas = figure.querySelector("canvas");
    const format = v => (v == null ? "" : spec.percent ? percent.format(v) : number.format(v));
    const round = spec.kind === "doughnut";
    // Many categories read better as horizontal bars, one line of text each: the box grows with them.
    const horizontal = spec.kind === "bar" && spec.labels.length > 8;
    if (horizontal) {
      const rows = spec.labels.length * Math.max(1, Math.min(spec.series.length, 3));
      canvas.parentElement.style.height = Math.max(288, rows * 18 + 96) + "px";
    }
    const datasets = spec.series.map((s, i) => ({
      label: s.label,
      data: s.values,
      backgroundColor: round ? s.values.map((_, j) => palette[j % palette.length]) : palette[i % palette.length],
      borderColor: round ? "#fff" : palette[i % palette.length],
      spanGaps: false,
      pointRadius: 3,
    }));
    const title = text => ({ display: !!text, text: text || "" });
    const valueAxis = {
      beginAtZero: true,
      title: title(spec.valueTitle),
      ticks: { callback: format, precision: spec.percent ? undefined : 0 },
      max: spec.percent ? 1 : undefined,
    };
    const labelAxis = { title: title(spec.labelTitle), ticks: { autoSkip: true } };
    // A legend when the series need naming: several, or one that is not simply the counts (one sex of a breakdown).
    const named = spec.series.length > 1 || (spec.series.length === 1 && spec.series[0].label !== spec.valueTitle);
    figure.chart = new window.Chart(canvas, {
      type: spec.kind,
      data: { labels: spec.labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: lang,
        indexAxis: horizontal ? "y" : "x",
        plugins: {
          // More than a dozen series make a legend taller than the chart; the tooltip still names each.
          legend: { display: round || (named && spec.series.length <= 12), position: "bottom" },
          tooltip: { callbacks: { label: c => `${round ? c.label : c.dataset.label}: ${format(c.raw)}` } },
        },
        scales: round ? {} : horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      },
    });
  }
})();
