// Swagger UI over the OpenAPI document the build writes (META-INF/swagger). A file of its own, not an
// inline script: the Content-Security-Policy allows scripts from this origin only.
window.addEventListener('DOMContentLoaded', () => {
  window.SwaggerUIBundle({
    url: '/swagger/foodrisk-0.1.yml',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // The page is public; a request tried from it carries the browser's session cookie, so the API's
    // own access rules answer it (a signed-out reader gets 401, as anywhere else).
    withCredentials: true,
  });
});
