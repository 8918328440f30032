// Hands a text or bytes to the browser as a file to save.

function download(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function downloadText(text: string, fileName: string, type: string): void {
  download(new Blob([text], { type }), fileName);
}

export function downloadBytes(bytes: ArrayBuffer, fileName: string): void {
  download(new Blob([bytes], { type: 'application/octet-stream' }), fileName);
}
