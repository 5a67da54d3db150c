"""Paper for the classroom: each lesson's teacher guide and a student worksheet, as HTML or PDF.

``lesson_info`` gathers what a lesson uses (its notebook, guide, quiz questions, help desks);
``pages`` renders the guide and the worksheet as self-contained HTML (styles and a subset of a
Japanese font inside, nothing fetched); ``pdf`` prints that HTML with Chromium through Playwright.
"""
