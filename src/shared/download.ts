/**
 * Saves `content` as a file the browser downloads: a `blob:` link clicked once, which the Content-Security-Policy
 * does not restrict. The URL is revoked a moment later, once the download has started.
 */
export function downloadFile(content: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
