// Click-to-load embeds (P8.4): nothing is requested from the video host until the person
// presses the button; then only the privacy-enhanced domain is used.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-embed-src]");
  if (!button) return;
  var box = button.closest(".video-embed");
  var frame = document.createElement("iframe");
  frame.src = button.getAttribute("data-embed-src");
  frame.title = button.getAttribute("data-embed-title") || "";
  frame.allow = "encrypted-media; picture-in-picture";
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  frame.allowFullscreen = true;
  box.replaceChildren(frame);
});
