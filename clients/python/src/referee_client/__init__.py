"""A client for the Referee reward service, with adapters for verl, TRL and OpenRLHF.

Standard library only; `referee_client.verl`, `.trl` and `.openrlhf` are imported on demand.
"""

from .client import (
    DEFAULT_URL,
    AsyncRefereeClient,
    RefereeClient,
    RefereeError,
    RequestRejected,
    Result,
    RetryPolicy,
    ServiceUnavailable,
    batches,
    retry_after_seconds,
)

__all__ = [
    "DEFAULT_URL", "AsyncRefereeClient", "RefereeClient", "RefereeError", "RequestRejected", "Result",
    "RetryPolicy", "ServiceUnavailable", "batches", "retry_after_seconds",
]
__version__ = "0.1.0"
