"""Run callables at the same moment in threads, each on its own connection."""

import threading

from django.db import connection


def run_concurrently(*callables, timeout=60):
    """Start every callable together; return their results or exceptions, in order."""
    barrier = threading.Barrier(len(callables))
    results = [None] * len(callables)

    def run(index, function):
        try:
            barrier.wait(timeout=timeout)
            results[index] = function()
        except BaseException as error:  # collected for the test to assert on
            results[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(i, f)) for i, f in enumerate(callables)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return results
