// The one shape of an uploaded file inside the app: a name and its bytes, read from a form's File entries.
// Every service that takes uploads (contribution attachments, draft documents, imports) takes this.

export interface UploadedFile {
  /** the name the browser sent: untrusted, for display and the extension only */
  name: string;
  bytes: Uint8Array;
}

function isFile(value: unknown): value is File {
  return typeof value === "object" && value !== null && "arrayBuffer" in value && "name" in value && "size" in value;
}

/** The non-empty files of a form field (an empty file input sends one empty part). */
export async function uploadedFiles(formData: FormData, field: string): Promise<UploadedFile[]> {
  const files = formData.getAll(field).filter((value): value is File => isFile(value) && value.size > 0);
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

/** The first non-empty file of a form field, or null. */
export async function uploadedFile(formData: FormData, field: string): Promise<UploadedFile | null> {
  return (await uploadedFiles(formData, field))[0] ?? null;
}
