;; Grows memory one page at a time until memory.grow returns -1; returns the page count reached.
;; With --max-memory-mb 1 it stops at 16 pages.
(module
  (memory 1)
  (func (export "grow_all") (result i32)
    (block $done
      (loop $more
        (br_if $done (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
        (br $more)))
    (memory.size))
  (func (export "grow") (param $pages i32) (result i32)
    (memory.grow (local.get $pages))))
