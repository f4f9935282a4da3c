/**
 * Every piece of payload text reaches HTML through here: department names, duties and indicator
 * texts are typed by clerks and may contain `<`, `&` or quotes (a name like
 * `<script>alert(1)</script>` must print as text, never run).
 */

const SPECIAL = /[&<>"']/;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for element content and for quoted attribute values.
 * @example escapeHtml('<b>"A&B"</b>') // "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
 */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: test first, replace only when needed.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]) : text;
}

/** Escapes text and keeps its line breaks as <br>. */
export function escapeMultiline(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}
