"""The fixed words of the kit's content: lesson topics and audience bands."""

TOPICS = ("defamation", "misinformation", "piracy", "teacher")
AUDIENCES = ("小3-4", "小5-6", "中学生", "高校生", "保護者・教職員")
