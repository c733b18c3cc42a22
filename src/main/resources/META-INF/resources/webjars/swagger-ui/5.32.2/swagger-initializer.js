window.onload = function() {
  //<editor-fold desc="Changeable Configuration Block">

  // the following lines will be replaced by docker/configurator, when it runs in a docker-container
  window.ui = SwaggerUIBundle({
    url: "https://petstore.swagger.io/v2/swagger.json",
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [
      SwaggerUIBundle.presets.apis,
      SwaggerUIStandalonePreset
    ],
    plugins: [
      SwaggerUIBundle.plugins.DownloadUrl
    ],
    layout: "StandaloneLayout"
  });

  //</editor-fold>

  // ALIS-portalen: this file replaces Swagger UI's own (the portal's copy comes first on the class path; springdoc
  // still writes its configuration into the block above). Swagger UI draws the server list as a select inside an
  // empty label, so the select has no accessible name (axe select-name, WCAG 4.1.2): name it whenever it appears.
  // The path names the webjar's version: AccessibilityE2ETest fails if an upgrade leaves this file behind.
  new MutationObserver(function () {
    var servers = document.getElementById('servers');
    if (servers && !servers.hasAttribute('aria-label')) {
      servers.setAttribute('aria-label', 'Server');
    }
  }).observe(document.getElementById('swagger-ui'), {childList: true, subtree: true});
};
