// The region drawn on canvas. Roads and the one-hour circles change rarely, so each is drawn
// once to its own offscreen canvas; hospitals, cases and ambulances are drawn over them at most
// once per animation frame, and only when something changed. Ambulances are batched by colour
// (one path per status), which keeps 5,000 of them to a handful of canvas calls.
import { Projection } from "./projection.js";
import { ambulanceColour, hospitalColour, capabilityColour } from "./colours.js";
import { Capability } from "../gen/common_pb.js";

const capabilityMark = { [Capability.PCI]: "P", [Capability.THROMBOLYSIS]: "T", [Capability.CT]: "C", [Capability.THROMBECTOMY]: "E", [Capability.STROKE_UNIT]: "S" };

export class RegionMap {
  constructor(canvas, roadMap) {
    this.canvas = canvas;
    this.roadMap = roadMap;
    this.roads = document.createElement("canvas");
    this.circles = document.createElement("canvas");
    this.isochrones = new Map();
    this.dirty = true;
    this.frames = 0;
    new ResizeObserver(() => this.resize()).observe(canvas);
    this.resize();
    const loop = () => {
      if (this.dirty && this.state) this.draw();
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }

  resize() {
    const { clientWidth: w, clientHeight: h } = this.canvas;
    if (!w || !h) return;
    for (const c of [this.canvas, this.roads, this.circles]) { c.width = w * devicePixelRatio; c.height = h * devicePixelRatio; }
    this.projection = new Projection(this.roadMap.southWest, this.roadMap.northEast, w, h);
    this.drawRoads();
    this.drawCircles();
    this.dirty = true;
  }

  drawRoads() {
    const g = this.roads.getContext("2d");
    g.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
    g.clearRect(0, 0, this.roads.width, this.roads.height);
    const p = this.projection;
    for (const road of this.roadMap.roads) {
      g.strokeStyle = road.speedKmh >= 80 ? "#5b6b7d" : "#38444f";
      g.lineWidth = road.speedKmh >= 80 ? 2 : 1;
      g.beginPath();
      road.points.forEach((pt, i) => (i ? g.lineTo(p.x(pt), p.y(pt)) : g.moveTo(p.x(pt), p.y(pt))));
      g.stroke();
    }
  }

  // capability → polygons, or absent when its toggle is off.
  setIsochrones(capability, polygons) {
    if (polygons) this.isochrones.set(capability, polygons); else this.isochrones.delete(capability);
    this.canvas.dataset.circlePolygons = [...this.isochrones.values()].reduce((n, list) => n + list.length, 0);
    this.drawCircles();
    this.dirty = true;
  }

  drawCircles() {
    const g = this.circles.getContext("2d");
    g.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
    g.clearRect(0, 0, this.circles.width, this.circles.height);
    const p = this.projection;
    if (!p) return;
    for (const [capability, polygons] of this.isochrones) {
      g.fillStyle = capabilityColour[capability] ?? "rgba(255,255,255,0.1)";
      g.strokeStyle = g.fillStyle.replace("0.13", "0.6");
      for (const polygon of polygons) {
        g.beginPath();
        polygon.outline.forEach((pt, i) => (i ? g.lineTo(p.x(pt), p.y(pt)) : g.moveTo(p.x(pt), p.y(pt))));
        g.closePath();
        g.fill();
        g.stroke();
      }
    }
  }

  show(state) {
    this.state = state;
    this.dirty = true;
  }

  draw() {
    this.dirty = false;
    const g = this.canvas.getContext("2d");
    const p = this.projection;
    if (!p) return;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.fillStyle = "#0c1117";
    g.fillRect(0, 0, this.canvas.width, this.canvas.height);
    g.drawImage(this.roads, 0, 0);
    g.drawImage(this.circles, 0, 0);
    g.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
    const { ambulances, cases, hospitals } = this.state;

    g.font = "bold 10px system-ui, sans-serif";
    g.textAlign = "center";
    g.textBaseline = "middle";
    for (const h of hospitals.values()) {
      if (!h.location) continue;
      const x = p.x(h.location), y = p.y(h.location);
      g.fillStyle = hospitalColour(h);
      g.fillRect(x - 7, y - 7, 14, 14);
      g.fillStyle = "#111";
      g.fillText("H", x, y + 0.5);
      g.fillStyle = "#dfe6ee";
      g.textAlign = "left";
      g.fillText(h.capabilities.map((c) => capabilityMark[c] ?? "").join(""), x + 9, y);
      g.textAlign = "center";
    }
    const byColour = new Map();
    let drawnAmbulances = 0;
    for (const a of ambulances.values()) {
      if (!a.position) continue;
      const colour = ambulanceColour[a.status] ?? "#777777";
      let list = byColour.get(colour);
      if (!list) byColour.set(colour, (list = []));
      list.push(a.position);
      drawnAmbulances++;
    }
    // Drawn over the hospitals: an ambulance waiting at a hospital's station must still show.
    for (const [colour, points] of byColour) {
      g.fillStyle = colour;
      g.beginPath();
      for (const pt of points) g.rect(p.x(pt) - 3.5, p.y(pt) - 3.5, 7, 7);
      g.fill();
    }
    g.lineWidth = 2;
    for (const c of cases.values()) {
      if (!c.location) continue;
      const x = p.x(c.location), y = p.y(c.location);
      g.strokeStyle = c.alerts > 0 ? "#ff5a4f" : "#ffffff";
      g.beginPath();
      g.moveTo(x, y - 8); g.lineTo(x + 8, y); g.lineTo(x, y + 8); g.lineTo(x - 8, y); g.closePath();
      g.stroke();
    }

    this.frames++;
    Object.assign(this.canvas.dataset, { ambulances: drawnAmbulances, cases: cases.size, hospitals: hospitals.size, moves: this.state.moves, frames: this.frames });
  }
}
