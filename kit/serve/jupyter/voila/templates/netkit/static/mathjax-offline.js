// Lessons render no LaTeX; this stands in for MathJax so that no page asks the internet for it.
