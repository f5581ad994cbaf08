/*
 * The floor for `procdef check`: libyaml's event loop over every file, with
 * nothing built from the events. procdef cannot parse faster than this on one
 * core; the target is to check (parse, decode, link and run every
 * rule, in parallel) in no more wall-clock time than this single-threaded
 * parse takes.
 *
 *   cc -O2 -o yaml-events yaml-events.c $(pkg-config --cflags --libs yaml-0.1)
 *   yaml-events [--stats] FILE... | @LISTFILE...
 *
 * An argument `@LISTFILE` names a file that lists one path a line (to stay
 * under ARG_MAX with thousands of files). Each file is read whole into memory
 * and parsed from the string, as procdef does. With --stats, one line on
 * stderr gives the files, bytes and events seen. Exit status: 0 when every
 * file parses, 1 when any file fails to read or parse (each failure is
 * reported on stderr), 2 on a usage error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct totals {
    unsigned long files;
    unsigned long long bytes;
    unsigned long long events;
    unsigned long failures;
};

static unsigned char *read_whole(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t capacity = 1 << 16, used = 0;
    unsigned char *buffer = malloc(capacity);
    if (!buffer) {
        fclose(f);
        return NULL;
    }
    for (;;) {
        if (used == capacity) {
            unsigned char *bigger = realloc(buffer, capacity * 2);
            if (!bigger) {
                free(buffer);
                fclose(f);
                return NULL;
            }
            buffer = bigger;
            capacity *= 2;
        }
        size_t n = fread(buffer + used, 1, capacity - used, f);
        used += n;
        if (n == 0) break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buffer);
        return NULL;
    }
    *length = used;
    return buffer;
}

static void parse_file(const char *path, struct totals *totals) {
    size_t length = 0;
    unsigned char *input = read_whole(path, &length);
    if (!input) {
        fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
        totals->failures++;
        return;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fprintf(stderr, "%s: cannot initialize the parser\n", path);
        free(input);
        totals->failures++;
        return;
    }
    yaml_parser_set_input_string(&parser, input, length);
    int done = 0;
    while (!done) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%lu:%lu: %s\n", path, (unsigned long)parser.problem_mark.line + 1,
                    (unsigned long)parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
            totals->failures++;
            break;
        }
        done = event.type == YAML_STREAM_END_EVENT;
        totals->events++;
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    free(input);
    totals->files++;
    totals->bytes += length;
}

static void parse_list(const char *listfile, struct totals *totals) {
    FILE *f = fopen(listfile, "r");
    if (!f) {
        fprintf(stderr, "%s: cannot read the list: %s\n", listfile, strerror(errno));
        totals->failures++;
        return;
    }
    char *line = NULL;
    size_t capacity = 0;
    ssize_t n;
    while ((n = getline(&line, &capacity, f)) != -1) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        if (n == 0) continue;
        parse_file(line, totals);
    }
    free(line);
    fclose(f);
}

int main(int argc, char **argv) {
    struct totals totals = {0, 0, 0, 0};
    int stats = 0, inputs = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--stats") == 0) {
            stats = 1;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fprintf(stdout, "usage: %s [--stats] FILE... | @LISTFILE...\n", argv[0]);
            return 0;
        } else if (argv[i][0] == '@' && argv[i][1] != '\0') {
            parse_list(argv[i] + 1, &totals);
            inputs++;
        } else {
            parse_file(argv[i], &totals);
            inputs++;
        }
    }
    if (inputs == 0) {
        fprintf(stderr, "usage: %s [--stats] FILE... | @LISTFILE...\n", argv[0]);
        return 2;
    }
    if (stats) {
        fprintf(stderr, "%lu files, %llu bytes, %llu events, %lu failed\n", totals.files, totals.bytes,
                totals.events, totals.failures);
    }
    return totals.failures ? 1 : 0;
}
