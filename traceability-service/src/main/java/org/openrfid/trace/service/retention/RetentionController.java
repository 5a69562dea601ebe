package org.openrfid.trace.service.retention;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Retention for administrators (role ADMIN, see SecurityConfiguration): the settings and last run, and a run now. */
@RestController
@RequestMapping("/api/v1/admin/retention")
class RetentionController {

    private final RetentionJob job;
    private final RetentionProperties properties;

    RetentionController(RetentionJob job, RetentionProperties properties) {
        this.job = job;
        this.properties = properties;
    }

    record RetentionStatus(boolean scheduled, String schedule, List<String> policies, RetentionReport lastRun) {
    }

    @GetMapping
    RetentionStatus status() {
        return new RetentionStatus(properties.enabled(), properties.schedule() + " (UTC)",
                job.policies().stream().map(RetentionJob::describe).toList(), job.last().orElse(null));
    }

    /** Runs retention now and answers with its report (the call lasts as long as the run); 409 while another run is under way. */
    @PostMapping("/run")
    RetentionReport run() {
        return job.run(RetentionJob.Trigger.MANUAL).orElseThrow(() -> {
            ErrorResponseException e = new ErrorResponseException(HttpStatus.CONFLICT);
            e.getBody().setTitle("Retention is running");
            e.getBody().setDetail("a retention run is already under way in the cluster; see GET /api/v1/admin/retention when it ends");
            return e;
        });
    }
}
