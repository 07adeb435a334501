/* The course's book: two small fixes on top of sphinx-book-theme. */

/* The theme's scripts open the sidebars from the FIRST .primary-toggle / .secondary-toggle
   in the page, the top bar's, which course.css hides. A click on any other such button
   (the ones in the page's header) is passed on to that one. */
document.addEventListener("click", (event) => {
  for (const kind of [".primary-toggle", ".secondary-toggle"]) {
    const button = event.target.closest(kind);
    const bound = document.querySelector(kind);
    if (button && bound && button !== bound) {
      event.preventDefault();
      event.stopPropagation();
      bound.click();
    }
  }
}, true);

/* Each figure and plot is a link to its full-size file, so a reader on a phone can zoom in. */
document.addEventListener("DOMContentLoaded", () => {
  for (const image of document.querySelectorAll(".bd-article img")) {
    if (image.closest("a")) continue;
    const link = document.createElement("a");
    link.href = image.getAttribute("src");
    link.className = "course-image-link";
    link.title = "Open the image full size";
    image.replaceWith(link);
    link.appendChild(image);
  }
});
