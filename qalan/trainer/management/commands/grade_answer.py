"""Check one typed answer from the shell, exactly as the trainer does; the last line is the verdict."""

import re

from django.core.management.base import BaseCommand, CommandError

from qalan.trainer.answers import FORMS, check, key_validate
from qalan.trainer.answers.normalise import clean
from qalan.trainer.answers.units import unit_canonical, unit_split


class Command(BaseCommand):
    help = (
        "Grade INPUT against KEY of FORM. The last line is `right`, `wrong` or `invalid: <message>`; "
        "the exit code is 0 for all three and non-zero only for a bad FORM or KEY."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # Keys and answers start with a minus as often as not (-2.5, -3/5, -x+2): anything that
        # is not one of the command's own options is a value, not an unknown option.
        parser._negative_number_matcher = re.compile(r"^-[^-]")
        return parser

    def add_arguments(self, parser):
        parser.add_argument("form", help=f"one of {', '.join(FORMS)}")
        parser.add_argument(
            "key",
            help="the key as written in content, e.g. 5/7, 6*a, b, a,c, kk:...|ru:...; a number key may carry the "
            "item's unit (22 см, 70°, 9600 тг), the same as --unit",
        )
        parser.add_argument("input", help="what the student typed")
        parser.add_argument("--lang", default="en", help="language of the message (kk, ru, en, uz)")
        parser.add_argument("--unit", default="", help="the unit the item declares, e.g. см, °, тг")
        parser.add_argument("--choices", default="", help="the ids of the options, e.g. a,b,c,d")

    def handle(self, *args, **options):
        form, key = options["form"], options["key"]
        if form not in FORMS:
            raise CommandError(f"unknown form {form!r}: expected one of {', '.join(FORMS)}")
        choices = [c.strip() for c in options["choices"].split(",") if c.strip()]
        unit = options["unit"]
        if form in ("number", "fraction") and not unit:
            # "22 см" as a key: the number is the key, the unit is the item's (content declares it apart).
            number_text, unit_text = unit_split(clean(key))
            if number_text and unit_text and unit_canonical(unit_text):
                key, unit = number_text, unit_text
        try:
            key_validate(form, key)
            verdict = check(
                form=form,
                key=key,
                raw=options["input"],
                language=options["lang"],
                unit=unit,
                choices=choices,
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        if verdict.normalised:
            self.stdout.write(f"read: {verdict.normalised}")
        self.stdout.write(f"code: {verdict.code}")
        self.stdout.write(verdict.status if verdict.status != "invalid" else f"invalid: {verdict.message}")
