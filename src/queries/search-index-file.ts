/**
 * Fetches the pack's prebuilt search index as text, refusing it unless it has exactly the length the manifest
 * declares: shared by the search worker and the in-page fallback.
 */
export async function fetchSearchIndexJson(url: string, expectedBytes: number): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the search index could not be loaded (HTTP ${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength !== expectedBytes)
    throw new Error(`the search index has ${bytes.byteLength} bytes, the manifest declares ${expectedBytes}`);
  return new TextDecoder().decode(bytes);
}
