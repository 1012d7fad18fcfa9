/*
 * memfs: a minimal in-memory libfuse 2 filesystem, the C baseline for bench/fuse/run.sh.
 * One flat directory of regular files, each a realloc'd buffer, one global lock. It is what a
 * user could write instead of pagerlab's Java daemon; it runs libfuse's own loop
 * (multithreaded by default, -s for single-threaded).
 *
 * Build: gcc -O2 -Wall -o memfs memfs.c $(pkg-config fuse --cflags --libs)
 * Run:   ./memfs MOUNTPOINT -f -o big_writes,max_write=131072
 */
#define FUSE_USE_VERSION 26
#include <errno.h>
#include <fuse.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define MAX_FILES 256

struct file {
  char name[256];
  char *data;
  size_t size, cap;
  mode_t mode;
  struct timespec mtime;
  int used;
};

static struct file files[MAX_FILES];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static struct file *find(const char *path) {
  if (path[0] != '/' || strchr(path + 1, '/')) return NULL;
  for (int i = 0; i < MAX_FILES; i++)
    if (files[i].used && strcmp(files[i].name, path + 1) == 0) return &files[i];
  return NULL;
}

static int reserve(struct file *f, size_t size) {
  if (size <= f->cap) return 0;
  size_t cap = f->cap ? f->cap : 65536;
  while (cap < size) cap *= 2;
  char *d = realloc(f->data, cap);
  if (!d) return -ENOSPC;
  memset(d + f->cap, 0, cap - f->cap);
  f->data = d;
  f->cap = cap;
  return 0;
}

static int m_getattr(const char *path, struct stat *st) {
  memset(st, 0, sizeof *st);
  if (strcmp(path, "/") == 0) {
    st->st_mode = S_IFDIR | 0755;
    st->st_nlink = 2;
    return 0;
  }
  pthread_mutex_lock(&lock);
  struct file *f = find(path);
  if (f) {
    st->st_mode = S_IFREG | f->mode;
    st->st_nlink = 1;
    st->st_size = f->size;
    st->st_blocks = f->cap / 512;
    st->st_mtim = f->mtime;
  }
  pthread_mutex_unlock(&lock);
  return f ? 0 : -ENOENT;
}

static int m_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t off, struct fuse_file_info *fi) {
  (void) off; (void) fi;
  if (strcmp(path, "/") != 0) return -ENOENT;
  fill(buf, ".", NULL, 0);
  fill(buf, "..", NULL, 0);
  pthread_mutex_lock(&lock);
  for (int i = 0; i < MAX_FILES; i++)
    if (files[i].used) fill(buf, files[i].name, NULL, 0);
  pthread_mutex_unlock(&lock);
  return 0;
}

static int m_create(const char *path, mode_t mode, struct fuse_file_info *fi) {
  (void) fi;
  if (path[0] != '/' || strchr(path + 1, '/') || strlen(path + 1) >= 256) return -EINVAL;
  pthread_mutex_lock(&lock);
  int res = -ENOSPC;
  if (find(path)) {
    res = 0;
  } else {
    for (int i = 0; i < MAX_FILES; i++) {
      if (!files[i].used) {
        memset(&files[i], 0, sizeof files[i]);
        strcpy(files[i].name, path + 1);
        files[i].mode = mode & 0777;
        files[i].used = 1;
        clock_gettime(CLOCK_REALTIME, &files[i].mtime);
        res = 0;
        break;
      }
    }
  }
  pthread_mutex_unlock(&lock);
  return res;
}

static int m_open(const char *path, struct fuse_file_info *fi) {
  (void) fi;
  pthread_mutex_lock(&lock);
  struct file *f = find(path);
  pthread_mutex_unlock(&lock);
  return f ? 0 : -ENOENT;
}

static int m_read(const char *path, char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
  (void) fi;
  pthread_mutex_lock(&lock);
  struct file *f = find(path);
  int res = -ENOENT;
  if (f) {
    res = 0;
    if ((size_t) off < f->size) {
      res = (int) ((f->size - off) < size ? (f->size - off) : size);
      memcpy(buf, f->data + off, res);
    }
  }
  pthread_mutex_unlock(&lock);
  return res;
}

static int m_write(const char *path, const char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
  (void) fi;
  pthread_mutex_lock(&lock);
  struct file *f = find(path);
  int res = -ENOENT;
  if (f) {
    res = reserve(f, off + size);
    if (res == 0) {
      memcpy(f->data + off, buf, size);
      if ((size_t) off + size > f->size) f->size = off + size;
      clock_gettime(CLOCK_REALTIME, &f->mtime);
      res = (int) size;
    }
  }
  pthread_mutex_unlock(&lock);
  return res;
}

static int m_truncate(const char *path, off_t size) {
  pthread_mutex_lock(&lock);
  struct file *f = find(path);
  int res = -ENOENT;
  if (f) {
    res = reserve(f, size);
    if (res == 0) {
      if ((size_t) size < f->size) memset(f->data + size, 0, f->size - size);
      f->size = size;
    }
  }
  pthread_mutex_unlock(&lock);
  return res;
}

static int m_unlink(const char *path) {
  pthread_mutex_lock(&lock);
  struct file *f = find(path);
  if (f) {
    free(f->data);
    memset(f, 0, sizeof *f);
  }
  pthread_mutex_unlock(&lock);
  return f ? 0 : -ENOENT;
}

static int m_utimens(const char *path, const struct timespec tv[2]) {
  (void) tv;
  return find(path) ? 0 : -ENOENT;
}

static int m_chmod(const char *path, mode_t mode) {
  (void) mode;
  return find(path) ? 0 : -ENOENT;
}

static struct fuse_operations ops = {
  .getattr = m_getattr, .readdir = m_readdir, .create = m_create, .open = m_open,
  .read = m_read, .write = m_write, .truncate = m_truncate, .unlink = m_unlink,
  .utimens = m_utimens, .chmod = m_chmod,
};

int main(int argc, char *argv[]) {
  return fuse_main(argc, argv, &ops, NULL);
}
