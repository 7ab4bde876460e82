from rest_framework.pagination import PageNumberPagination as _Base


class PageNumberPagination(_Base):
    page_size = 25
    page_size_query_param = "pageSize"
    max_page_size = 200
