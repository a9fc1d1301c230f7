// Calls to the JSON API (docs/http_api.md). Errors become ApiError with the server's code/message.

export class ApiError extends Error {
  constructor(status, code, message, position) {
    super(message);
    this.status = status;
    this.code = code;
    this.position = position;
  }
}

export async function getJson(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  let res;
  try {
    res = await fetch(url, {headers: {Accept: 'application/json'}});
  } catch (e) {
    throw new ApiError(0, 'network', 'The server cannot be reached: ' + e.message);
  }
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    throw new ApiError(res.status, 'bad_response', 'The server sent a response that is not JSON');
  }
  if (!res.ok) {
    const err = (body && body.error) || {};
    throw new ApiError(res.status, err.code || 'error', err.message || res.statusText, err.position);
  }
  return body;
}

export async function getText(path) {
  const res = await fetch(new URL(path, window.location.origin));
  const text = await res.text();
  if (!res.ok) {
    let msg = text;
    try { msg = JSON.parse(text).error.message; } catch (e) { /* keep the text */ }
    throw new ApiError(res.status, 'error', msg);
  }
  return text;
}
