// Lessons render no LaTeX; this stands in for MathJax so that no page asks the internet for it.
// Voilà's typesetter (@jupyterlab/mathjax2-extension) loads this file when an output is rendered and
// then calls MathJax 2's API; these do nothing, so the page runs without an error and without maths.
window.MathJax = {
  Hub: {
    config: {},
    Config: function () {},
    Configured: function () {},
    Queue: function () {},
    Register: { StartupHook: function () {} },
  },
  Ajax: {},
  InputJax: { TeX: { resetEquationNumbers: function () {} } },
};
