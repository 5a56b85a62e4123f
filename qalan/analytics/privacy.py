from qalan.core.inventory import NotPersonal, register

register(
    NotPersonal(
        "analytics.DailyRouteCount",
        "Daily visit counts per page type: no user, address, device or path with identifiers.",
    ),
)
