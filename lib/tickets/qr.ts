// A QR code as inline SVG, rendered on the server (no JavaScript needed).
import qrcode from "qrcode-generator";

/**
 * The SVG of a QR code for `text` (error correction M: survives a scuffed
 * print or a cracked phone screen), scalable to its container.
 */
export function qrSvg(text: string): string {
  const qr = qrcode(0, "M");
  qr.addData(text, "Byte");
  qr.make();
  return qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true });
}
