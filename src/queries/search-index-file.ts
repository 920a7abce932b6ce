/**
 * The pack's prebuilt search index as text, refused unless it has exactly the length the manifest declares:
 * fetched from a served pack (the worker fetches it itself), or given as bytes when the pack was opened from the
 * user's files. Shared by the search worker and the in-page fallback.
 */
export function searchIndexText(bytes: Uint8Array, expectedBytes: number): string {
  if (bytes.byteLength !== expectedBytes)
    throw new Error(`the search index has ${bytes.byteLength} bytes, the manifest declares ${expectedBytes}`);
  return new TextDecoder().decode(bytes);
}

export async function fetchSearchIndexJson(url: string, expectedBytes: number): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the search index could not be loaded (HTTP ${response.status})`);
  return searchIndexText(new Uint8Array(await response.arrayBuffer()), expectedBytes);
}
