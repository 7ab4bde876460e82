from rest_framework.views import exception_handler as _drf_handler

exception_handler = _drf_handler
