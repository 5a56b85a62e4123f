from django.conf import settings


def site(request):
    return {"operator": settings.QALAN_OPERATOR, "data_region": settings.QALAN_DATA_REGION, "DEBUG": settings.DEBUG}
