// Click-to-load YouTube: the page makes no request to YouTube until the
// visitor presses play; then the link is swapped for a privacy-enhanced
// (youtube-nocookie.com) player. Without JavaScript the link opens YouTube.
document.addEventListener("click", function (event) {
  var link = event.target.closest(".video-facade a[data-embed]");
  if (!link) return;
  event.preventDefault();
  var frame = document.createElement("iframe");
  frame.src = link.dataset.embed;
  frame.title = link.dataset.title;
  frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  link.replaceWith(frame);
});
