/** Downloads: scenario JSON, bands and runs CSV, charts as SVG or PNG. */

export function download(name: string, type: string, content: Blob | string): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The chart's main SVG (Plot may wrap it in a figure with a legend), standalone. */
export function chartSvg(container: Element): string {
  const svgs = [...container.querySelectorAll('svg')];
  const main = svgs.sort((a, b) => b.querySelectorAll('*').length - a.querySelectorAll('*').length)[0];
  if (!main) throw new Error('no chart to export');
  const copy = main.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Keep the look outside the page: Plot's inline style plus a white background.
  copy.style.background = 'white';
  return new XMLSerializer().serializeToString(copy);
}

export async function chartPng(container: Element, scale = 2): Promise<Blob> {
  const svg = chartSvg(container);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = image.width * scale;
    canvas.height = image.height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
