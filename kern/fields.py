"""Model fields that read the one clock."""

from django.db import models

from kern import clock


class ClockDateTimeField(models.DateTimeField):
    """``auto_now`` and ``auto_now_add`` as Django has them, but stamped from ``kern.clock``.

    Django's own read the wall clock, so a test that moves the clock would see rows "created" at
    another time than the rules that compare with them think it is.
    """

    def pre_save(self, model_instance, add):
        if self.auto_now or (self.auto_now_add and add):
            value = clock.now()
            setattr(model_instance, self.attname, value)
            return value
        return super().pre_save(model_instance, add)
