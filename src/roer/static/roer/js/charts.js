// Roer's charts: ECharts (SVG renderer) draws what the page put in <script type="application/json"> blocks.
// No inline script or style is needed (strict CSP). Each chart container names its data block in
// data-source and its kind in data-chart; its aria-label says in words what the chart shows, and the
// page has the same numbers in a table.
(() => {
  "use strict";

  const lang = document.documentElement.lang || "en";
  const text = "#1a1a1a";
  const muted = "#555555";
  // Colour-blind safe (Okabe–Ito); shapes and line styles differ too, so no meaning rests on colour.
  const palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
  const shapes = ["circle", "roundRect", "diamond", "triangle", "rect"];
  const quiet = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const months = new Intl.DateTimeFormat(lang, { year: "numeric", month: "short" });
  const days = new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", day: "numeric" });

  const withUnit = (value, unit) => {
    const shown = numbers.format(value);
    if (!unit) return shown;
    return unit === "%" ? `${shown}%` : `${shown} ${unit}`;
  };
  const plain = (value) => String(value).replace(/[{}|]/g, " "); // rich text treats {a|b} as markup
  const point = ([day, value]) => [day, Number(value)];

  function trend(data) {
    const { names, unit } = data;
    const baseline = point(data.baseline);
    const target = point(data.target);
    return {
      color: palette,
      legend: { top: 0, textStyle: { color: text } },
      grid: { left: 16, right: 32, top: 48, bottom: 16, containLabel: true },
      tooltip: {
        trigger: "item",
        renderMode: "richText",
        formatter: (item) => `${plain(item.seriesName)}\n${days.format(new Date(item.value[0]))}: ${withUnit(item.value[1], unit)}`,
      },
      xAxis: {
        type: "time",
        axisLabel: { color: text, hideOverlap: true, formatter: (value) => months.format(new Date(value)) },
      },
      yAxis: {
        type: "value",
        scale: true,
        name: unit,
        nameTextStyle: { color: text },
        axisLabel: { color: text, formatter: (value) => numbers.format(value) },
      },
      series: [
        {
          name: names.measured,
          type: "line",
          data: data.points.map(point),
          symbol: "circle",
          symbolSize: 7,
          lineStyle: { width: 3 },
          markLine: {
            silent: true,
            symbol: "none",
            label: { formatter: "{b}", position: "insideEndTop", color: text },
            data: [
              { name: names.baseline, yAxis: baseline[1], lineStyle: { color: muted, type: "dotted", width: 2 } },
              { name: names.target, yAxis: target[1], lineStyle: { color: palette[2], type: "solid", width: 2 } },
            ],
          },
        },
        {
          name: names.path,
          type: "line",
          data: [baseline, target],
          symbol: "diamond",
          symbolSize: 10,
          lineStyle: { type: "dashed", width: 2 },
        },
      ],
    };
  }

  function bars(data, container) {
    // One bar per row of the table: give each enough room (CSSOM, allowed by the CSP).
    container.style.height = `${Math.max(14, 6 + data.values.length * 2.5)}rem`;
    return {
      color: palette,
      aria: { decal: { show: true } },
      legend: { top: 0, textStyle: { color: text } },
      grid: { left: 16, right: 48, top: 48, bottom: 16, containLabel: true },
      tooltip: {
        trigger: "item",
        renderMode: "richText",
        formatter: (item) => `${plain(item.name)}: ${numbers.format(item.value)}%`,
      },
      xAxis: { type: "value", axisLabel: { color: text, formatter: (value) => `${numbers.format(value)}%` } },
      yAxis: {
        type: "category",
        inverse: true,
        data: data.categories,
        axisLabel: { color: text, width: 260, overflow: "truncate" },
      },
      series: [
        {
          name: data.names.realised,
          type: "bar",
          data: data.values.map(Number),
          label: { show: true, position: "right", color: text, formatter: (item) => `${numbers.format(item.value)}%` },
          markLine: {
            silent: true,
            symbol: "none",
            label: { formatter: data.names.expected, color: text },
            lineStyle: { color: palette[1], type: "dashed", width: 2 },
            data: [{ xAxis: 100 }],
          },
        },
      ],
    };
  }

  function network(data, container) {
    const goalKinds = data.categories.length - 2; // the goal levels; then KPIs, then initiatives
    // Ambitions and strategic goals carry their name; the rest show it on hover and in the list.
    container.dataset.clickable = "true";
    const circle = data.layout === "circular";
    return {
      color: palette,
      legend: {
        top: 0,
        data: data.categories.map((name, index) => ({ name, icon: shapes[index % shapes.length] })),
        textStyle: { color: text },
      },
      tooltip: {
        renderMode: "richText",
        formatter: (item) => (item.dataType === "node" ? `${plain(item.data.name)}\n${plain(data.categories[item.data.category])}` : ""),
      },
      series: [
        {
          type: "graph",
          layout: circle ? "circular" : "force",
          roam: true,
          draggable: true,
          // Room around a circle for its rotated labels.
          top: circle ? 128 : 56,
          bottom: circle ? 128 : 16,
          left: circle ? 160 : 16,
          right: circle ? 160 : 16,
          categories: data.categories.map((name, index) => ({ name, symbol: shapes[index % shapes.length] })),
          data: data.nodes.map((node) => ({ ...node, label: { show: node.category < goalKinds - 1 } })),
          links: data.links,
          force: { initLayout: "circular", repulsion: 90, edgeLength: [30, 90], gravity: 0.2, friction: 0.2 },
          labelLayout: { hideOverlap: true },
          circular: { rotateLabel: true },
          label: { position: "right", color: text, fontSize: 11, width: circle ? 120 : 180, overflow: "truncate" },
          lineStyle: { color: "source", opacity: 0.55, curveness: circle ? 0.25 : 0 },
          emphasis: { focus: "adjacency", label: { show: true } },
        },
      ],
    };
  }

  const builders = { trend, bars, network };

  function draw(container) {
    if (container.dataset.drawn || !window.echarts) return;
    const source = document.getElementById(container.dataset.source);
    const build = builders[container.dataset.chart];
    if (!source || !build) return;
    const chart = window.echarts.init(container, null, { renderer: "svg" });
    const option = build(JSON.parse(source.textContent), container);
    const label = container.getAttribute("aria-label");
    option.aria = { ...(option.aria || {}), enabled: true, label: { enabled: true, description: label } };
    option.animation = !quiet;
    chart.setOption(option);
    if (container.dataset.clickable) {
      chart.on("click", (item) => {
        const url = item.dataType === "node" && item.data.url;
        if (url && url.startsWith("/")) window.location.assign(url);
      });
    }
    container.dataset.drawn = "true";
    new ResizeObserver(() => chart.resize()).observe(container);
  }

  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("[data-chart]").forEach(draw));
})();
