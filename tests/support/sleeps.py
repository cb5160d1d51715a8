"""A stand-in for `time.sleep` handed to the HTTP client: the clock is the edge of the machine."""


class SleepLog:
    """Records the backoff sleeps a client asks for instead of sleeping."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(round(seconds, 3))
