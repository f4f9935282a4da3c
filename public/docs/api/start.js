// Starts Swagger UI on /v1/openapi.json. A file, not an inline script, so the page's
// Content-Security-Policy can allow scripts from this origin only.
// validatorUrl: null: Swagger UI otherwise sends the document to validator.swagger.io for a badge.
window.ui = SwaggerUIBundle({
  url: '/v1/openapi.json',
  dom_id: '#api',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  defaultModelsExpandDepth: 0,
  docExpansion: 'list',
});
