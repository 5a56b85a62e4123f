"""The whitelist of units and currencies an answer may carry, each spelling mapped to one unit."""

import re
import unicodedata

# canonical unit -> every spelling students use for it (compared after casefold; ² is read as ^2).
_SPELLINGS: dict[str, tuple[str, ...]] = {
    # length
    "mm": (
        "мм",
        "mm",
        "миллиметр",
        "миллиметров",
        "миллиметра",
        "millimetre",
        "millimetres",
        "millimeter",
        "millimeters",
        "millimetr",
    ),
    "cm": (
        "см",
        "cm",
        "сантиметр",
        "сантиметров",
        "сантиметра",
        "centimetre",
        "centimetres",
        "centimeter",
        "centimeters",
        "santimetr",
        "sm",
    ),
    "dm": (
        "дм",
        "dm",
        "дециметр",
        "дециметров",
        "дециметра",
        "decimetre",
        "decimetres",
        "decimeter",
        "decimeters",
        "detsimetr",
    ),
    "m": ("м", "m", "метр", "метров", "метра", "metre", "metres", "meter", "meters", "metr"),
    "km": (
        "км",
        "km",
        "километр",
        "километров",
        "километра",
        "kilometre",
        "kilometres",
        "kilometer",
        "kilometers",
        "kilometr",
    ),
    # area
    "mm2": ("мм^2", "мм2", "mm^2", "mm2", "кв. мм", "кв.мм"),
    "cm2": ("см^2", "см2", "cm^2", "cm2", "кв. см", "кв.см", "sm^2", "sm2"),
    "dm2": ("дм^2", "дм2", "dm^2", "dm2", "кв. дм", "кв.дм"),
    "m2": ("м^2", "м2", "m^2", "m2", "кв. м", "кв.м"),
    "km2": ("км^2", "км2", "km^2", "km2", "кв. км", "кв.км"),
    "ha": ("га", "ha", "гектар", "гектаров", "гектара", "gektar", "ga"),
    "a": ("ар", "соток", "сотки", "сотка", "сотых"),
    # volume
    "mm3": ("мм^3", "мм3", "mm^3", "mm3"),
    "cm3": ("см^3", "см3", "cm^3", "cm3", "sm^3", "sm3"),
    "dm3": ("дм^3", "дм3", "dm^3", "dm3"),
    "m3": ("м^3", "м3", "m^3", "m3"),
    "l": ("л", "l", "литр", "литров", "литра", "litre", "litres", "liter", "liters", "litr"),
    "ml": ("мл", "ml", "миллилитр", "миллилитров", "миллилитра", "millilitr"),
    # angle
    "deg": ("°", "градус", "градусов", "градуса", "градусы", "deg", "degree", "degrees", "gradus", "daraja"),
    # money
    "kzt": ("тг", "тенге", "теңге", "₸", "kzt", "tenge", "tg"),
    "uzs": ("сум", "сўм", "so'm", "soʻm", "so‘m", "so’m", "uzs"),
    "rub": ("руб", "руб.", "рубль", "рублей", "рубля", "₽", "rub"),
    # time
    "s": ("с", "сек", "секунд", "секунда", "секунды", "секунду", "s", "sec", "second", "seconds", "soniya"),
    "min": ("мин", "минут", "минута", "минуты", "минуту", "min", "minute", "minutes", "daqiqa", "daq"),
    "h": ("ч", "час", "часа", "часов", "сағ", "сағат", "h", "hour", "hours", "soat"),
    "day": ("сут", "суток", "сутки", "дн", "день", "дня", "дней", "күн", "day", "days", "kun"),
    # mass
    "mg": ("мг", "mg", "миллиграмм", "миллиграммов"),
    "g": ("г", "гр", "g", "грамм", "граммов", "грамма", "gram", "grams", "gramm"),
    "kg": ("кг", "kg", "килограмм", "килограммов", "килограмма", "kilogram", "kilograms", "kilogramm"),
    "q": ("ц", "центнер", "центнеров", "центнера", "sentner"),
    "t": ("т", "t", "тонна", "тонн", "тонны", "tonne", "tonnes", "ton", "tons", "tonna"),
    # speed
    "km/h": ("км/ч", "км/сағ", "km/h", "kmh", "km/soat"),
    "m/s": ("м/с", "m/s"),
    "m/min": ("м/мин", "m/min"),
    # percent
    "%": ("%", "процент", "процентов", "процента", "пайыз", "percent", "per cent", "foiz"),
}

_CANONICAL = {spelling.casefold(): unit for unit, spellings in _SPELLINGS.items() for spelling in spellings}


def _key(text: str) -> str:
    # "см 2", "см ^ 2" and "см²" are one spelling; an item's declared unit is not cleaned before.
    text = unicodedata.normalize("NFKC", text.replace("²", "^2").replace("³", "^3"))
    text = " ".join(text.casefold().split())
    return re.sub(r"\s*\^\s*", "^", re.sub(r"(?<=[^\W\d_])\s+(?=[23]$)", "", text))


def unit_canonical(text: str) -> str | None:
    """The canonical unit of a known spelling, or None."""
    return _CANONICAL.get(_key(text))


def unit_of_item(unit: str) -> str:
    """An item may declare a unit outside the whitelist ("шт"); then that word is its own unit."""
    return unit_canonical(unit) or _key(unit)


# A number ends where its unit begins: at the first character a number cannot contain.
_SPLIT = re.compile(r"^([\d\s.,/+\-]*?)\s*([^\d\s.,/+\-].*)?$", re.S)


def unit_split(text: str) -> tuple[str, str]:
    """``"9 600 ₸"`` -> ``("9 600", "₸")``; ``"70°"`` -> ``("70", "°")``; no unit -> ``(text, "")``."""
    match = _SPLIT.match(text)
    if not match:
        return text, ""
    return match.group(1).strip(), (match.group(2) or "").strip()
