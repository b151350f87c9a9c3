// Longitude/latitude to canvas pixels for a region-sized area: equirectangular, scaled by the
// cosine of the middle latitude so that a kilometre is as long east-west as north-south.
export class Projection {
  constructor(southWest, northEast, width, height, padding = 20) {
    const midLat = ((southWest.latitude + northEast.latitude) / 2) * Math.PI / 180;
    this.kx = Math.cos(midLat);
    this.west = southWest.longitude;
    this.north = northEast.latitude;
    const spanX = Math.max(1e-6, (northEast.longitude - southWest.longitude) * this.kx);
    const spanY = Math.max(1e-6, northEast.latitude - southWest.latitude);
    this.scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
    this.offsetX = (width - spanX * this.scale) / 2;
    this.offsetY = (height - spanY * this.scale) / 2;
  }

  x(point) { return this.offsetX + (point.longitude - this.west) * this.kx * this.scale; }

  y(point) { return this.offsetY + (this.north - point.latitude) * this.scale; }
}
