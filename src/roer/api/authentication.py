from rest_framework.authentication import SessionAuthentication, TokenAuthentication

__all__ = ["SessionAuthentication", "TokenAuthentication"]
