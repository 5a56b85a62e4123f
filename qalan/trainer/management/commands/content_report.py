"""Report the trainer content per grade: chapters, skills, templates, written items, languages, problems."""

import random
from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError

from qalan.trainer.content.loader import _Row, load_all
from qalan.trainer.content.locale import LANGUAGES


def _complete(texts: list[dict]) -> dict:
    return {lang: all(str(t.get(lang, "")).strip() for t in texts) for lang in LANGUAGES}


class Command(BaseCommand):
    help = "Print the trainer content per grade and every problem found; exits non-zero if there are problems."

    def handle(self, *args, **options):
        from qalan.trainer.content.build import build

        collection = load_all()
        problems = [str(e) for e in collection.errors]
        grades = defaultdict(
            lambda: {"chapters": [], "skills": 0, "templates": 0, "items": 0, "langs": defaultdict(int)}
        )
        for f in collection.good():
            g = grades[f.data["chapter"]["grade"]]
            g["chapters"].append(f.data["chapter"]["code"])
            for skill in f.data["skills"]:
                g["skills"] += 1
                for template in skill["templates"]:
                    g["templates"] += 1
                    g["items"] += len(template.get("items", []))
                    # Bandit B311: one seeded sample build, not a secret.
                    built = build(_Row(template), random.Random(template["key"]).randrange(2**31))  # nosec B311
                    texts = [built.rendered["prompt"], *built.rendered["hints"], *built.rendered["solution"]]
                    for lang, ok in _complete(texts).items():
                        g["langs"][lang] += ok
        for grade, g in sorted(grades.items()):
            langs = " ".join(f"{lang} {g['langs'][lang]}/{g['templates']}" for lang in LANGUAGES)
            self.stdout.write(
                f"grade {grade}: {len(g['chapters'])} chapters ({', '.join(g['chapters'])}), {g['skills']} skills, "
                f"{g['templates']} templates, {g['items']} written items; languages complete: {langs}"
            )
        for problem in problems:
            self.stdout.write(f"problem: {problem}")
        skills = sum(g["skills"] for g in grades.values())
        templates = sum(g["templates"] for g in grades.values())
        self.stdout.write(f"total: {skills} skills, {templates} templates, {len(problems)} problems")
        if problems:
            raise CommandError(f"{len(problems)} problems")
