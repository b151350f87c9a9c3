// A histogram of one clinical interval: 10-minute bins, the median (white) and the target (red, dashed).
export function drawHistogram(canvas, distribution) {
  const width = canvas.clientWidth || 380, height = canvas.clientHeight || 110;
  canvas.width = width * devicePixelRatio;
  canvas.height = height * devicePixelRatio;
  const g = canvas.getContext("2d");
  g.scale(devicePixelRatio, devicePixelRatio);
  const values = distribution.minutes;
  const top = Math.max(60, distribution.targetMinutes ?? 0, ...values) * 1.1;
  const binMinutes = 10;
  const bins = new Array(Math.ceil(top / binMinutes)).fill(0);
  for (const v of values) bins[Math.min(bins.length - 1, Math.floor(v / binMinutes))]++;
  const highest = Math.max(1, ...bins);
  const plot = { left: 6, right: width - 6, bottom: height - 16, top: 6 };
  const x = (minutes) => plot.left + ((plot.right - plot.left) * minutes) / (bins.length * binMinutes);
  g.fillStyle = "#3d8fe0";
  bins.forEach((count, i) => {
    const h = ((plot.bottom - plot.top) * count) / highest;
    g.fillRect(x(i * binMinutes) + 1, plot.bottom - h, x(binMinutes) - x(0) - 2, h);
  });
  g.fillStyle = "#8a98a8";
  g.font = "10px system-ui, sans-serif";
  for (let m = 0; m <= bins.length * binMinutes; m += 30) g.fillText(`${m}`, x(m), height - 3);
  const line = (minutes, colour, dash) => {
    g.strokeStyle = colour; g.setLineDash(dash); g.lineWidth = 2;
    g.beginPath(); g.moveTo(x(minutes), plot.top); g.lineTo(x(minutes), plot.bottom); g.stroke();
  };
  if (distribution.targetMinutes !== undefined) line(distribution.targetMinutes, "#e0483e", [4, 3]);
  if (distribution.medianMinutes !== undefined) line(distribution.medianMinutes, "#ffffff", []);
}
