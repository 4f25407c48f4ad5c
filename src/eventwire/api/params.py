"""What every route shares: the error a client can act on, the page limits and the shape of a page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

MAX_PAGE_SIZE = 500
MAX_PAGE = 10_000

Page = Annotated[int, Query(ge=1, le=MAX_PAGE, description="1-based page number.")]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Rows per page (at most {MAX_PAGE_SIZE}).")]


class ApiError(Exception):
    """An error a client can act on, answered as JSON with its status."""

    def __init__(self, status: int, message: str, param: str | None = None):
        super().__init__(message)
        self.status, self.message, self.param = status, message, param


def paged(total: int, page: int, page_size: int, items: list[Any]) -> dict[str, Any]:
    return {"total": total, "page": page, "page_size": page_size, "items": items}
